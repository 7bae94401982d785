/** Keyboard help for the editor (Alt+F1, or the button under it): the lab's keys and how to leave the editor. */
import { useEffect, useRef } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? 'Cmd' : 'Ctrl';
export const TAB_TRAP_KEY = isMac ? 'Ctrl+Shift+M' : 'Ctrl+M';

const KEYS: readonly (readonly [string, string])[] = [
  [`${mod}+Enter`, 'Run Test with the test event.'],
  [`${mod}+S`, 'Deploy: publish the code now, so the next invoke is a cold start.'],
  [
    TAB_TRAP_KEY,
    'Switch what Tab does: indent, or move focus out of the editor. Press it, then Tab, to leave the editor; press it again to indent with Tab.',
  ],
  [
    'Ctrl+Space',
    'Suggestions: event keys after event[, context members after context., boto3 services and operations.',
  ],
  [
    'Ctrl+K, then Ctrl+I',
    'Show the explanation under the cursor (context and its members, boto3 operations).',
  ],
  ['F8 / Shift+F8', 'Go to the next or previous syntax problem; its message is read out.'],
  ['F1', "The editor's command list."],
  ['Alt+F1', 'This help.'],
];

export function EditorHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: it would fire onClose (and StrictMode runs cleanups on mount); removing the
    // element from the page ends the modal anyway.
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="editor-help-title"
      className="editor-help"
      data-testid="editor.help"
    >
      <h2 id="editor-help-title">Editor keyboard help</h2>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Screen reader mode (the checkbox under the editor) makes the editor read lines and suggestions as you
        move; the lab remembers it in this browser.
      </p>
      <div className="dialog-actions">
        {/* showModal() moves focus here, the dialog's only control. */}
        <button type="button" onClick={() => dialog.current?.close()} data-testid="editor.help-close">
          Close
        </button>
      </div>
    </dialog>
  );
}
