/** The visualizers moved to src/ui/viz/VizPanel.tsx; this default export keeps the output tab's import working. */
export { VizPanel as default } from './viz/VizPanel';
