/**
 * A slower machine for tests, made real: every line and call of Python, the runtime's and the
 * handler's alike, burns a busy loop (a sys.monitoring tool of its own; its callbacks raise no events).
 * Counted work must not move under it; measured work does.
 */
import type { PyodideAPI } from 'pyodide';

/** sys.monitoring's PROFILER id: the lab's runtime uses 3 to 5. */
const DRAG_TOOL = 2;

/** Sets the drag to `loops` turns per line or call (0 lifts it). */
export function dragPython(pyodide: PyodideAPI, loops: number): void {
  const turns = Math.max(0, Math.floor(loops));
  pyodide.runPython(
    [
      'import sys',
      'm = sys.monitoring',
      `if m.get_tool(${DRAG_TOOL}) is None: m.use_tool_id(${DRAG_TOOL}, "lambda-lab-test-drag")`,
      // Allocates nothing (small ints are cached, fixed arity packs no tuple): memory figures stay put.
      `def on_line(code, line, n=${turns}):`,
      '    i = 0',
      '    while i < n: i += 1',
      `def on_call(code, offset, callable, arg0, n=${turns}):`,
      '    i = 0',
      '    while i < n: i += 1',
      `m.register_callback(${DRAG_TOOL}, m.events.LINE, on_line)`,
      `m.register_callback(${DRAG_TOOL}, m.events.CALL, on_call)`,
      `m.set_events(${DRAG_TOOL}, ${turns > 0 ? 'm.events.LINE | m.events.CALL' : '0'})`,
    ].join('\n'),
    // A throwaway namespace: nothing is left in __main__.
    { globals: pyodide.toPy({}) },
  );
}
