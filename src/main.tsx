import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from './controller/lab';
import { instructorViewFromUrl } from './ui/instructor';
import { Root } from './ui/Root';
import './ui/app.css';

// Python starts first: its worker downloads and compiles while React renders and the course loads. The
// presenter's notes window shows notes only and runs no Python.
if (instructorViewFromUrl().view !== 'notes') startPython();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
