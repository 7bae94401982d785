/**
 * The page's entry script, kept tiny: it starts the Python worker first, so its downloads, compile and
 * snapshot restore run while the app's own JS downloads and renders, then loads the app (main.tsx).
 * index.html paints its shell without waiting for any of it.
 */
import { pageRunsPython } from './pageRunsPython';
import { snapshotWanted, startEarlyPython } from './runtime/browser/earlyPython';

const underway = pageRunsPython() ? startEarlyPython(import.meta.env.BASE_URL, snapshotWanted()) : null;
// On a repeat visit the service worker answers both the Python worker and the app's few dozen scripts, all on
// its one thread: the worker's files are asked for first, since Python is what the learner waits for.
if (underway && navigator.serviceWorker?.controller) void underway.then(() => import('./main'));
else void import('./main');
