import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPython } from './controller/lab';
import { afterFirstPaint } from './ui/editor/lazyEditor';
import { instructorViewFromUrl } from './ui/instructor';
import { Root } from './ui/Root';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

// Python starts right after the first paint: its download overlaps with Monaco loading, but the lesson
// text is on screen first. The presenter's notes window shows notes only and runs no Python.
if (instructorViewFromUrl().view !== 'notes') void afterFirstPaint().then(startPython);
