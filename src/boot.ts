/**
 * The page's entry script, kept tiny: it starts the Python worker first, so its downloads, compile and
 * snapshot restore run while the app's own JS downloads and renders, then loads the app (main.tsx).
 * index.html paints its shell without waiting for any of it.
 */
import { pageRunsPython } from './pageRunsPython';
import { snapshotWanted, startEarlyPython } from './runtime/browser/earlyPython';

if (pageRunsPython()) startEarlyPython(import.meta.env.BASE_URL, snapshotWanted());
void import('./main');
