/**
 * The Workspace menu's SAM items: Open SAM app (a .zip or a folder; or drop either on the page) and
 * Export as SAM app. `data-state` on the status says what opening is doing (idle, opening, opened, failed).
 */
import { useEffect, useRef, useState } from 'react';
import { useLabStore } from '../../store/labStore';
import { carriesFiles, fromDrop, fromInput, type PickedFiles } from './samFiles';

/** Opening, rebuilding and exporting load on first use: none of it is needed for the first paint. */
const samActions = () => import('./samActions');

type Status = 'idle' | 'opening' | 'opened' | 'failed';

/** A drop is an app when it has a folder, a .zip or a template file (a lone .py is someone else's). */
function isAppDrop(data: DataTransfer): boolean {
  const items = [...data.items];
  return (
    items.some((i) => i.webkitGetAsEntry?.()?.isDirectory) ||
    [...data.files].some((f) => /\.zip$|^template\.(ya?ml|json)$/i.test(f.name))
  );
}

export function SamAppMenu() {
  const zipInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<string | null>(null);

  const open = async (pick: () => Promise<PickedFiles>) => {
    setError(null);
    setStatus('opening');
    let label = 'The app';
    try {
      const picked = await pick();
      label = picked.label;
      const opened = await (await samActions()).openSamApp(picked);
      setStatus('opened');
      const notes = opened.warnings.length > 0 ? ` Not simulated: ${opened.warnings.join(' ')}` : '';
      useLabStore
        .getState()
        .addNotice(
          'info',
          `Opened the SAM app ${label}: ${opened.functions} function(s) with their resources and triggers. Undo replace brings your workspace back.${notes}`,
        );
    } catch (e) {
      const message = `${label} was not opened: ${e instanceof Error ? e.message : String(e)} Your workspace and world are unchanged.`;
      setStatus('failed');
      setError(message);
      useLabStore.getState().addNotice('warning', message);
    }
  };

  const python = useLabStore((s) => s.python.state);
  const rebuilt = useRef(false);
  useEffect(() => {
    if (python !== 'ready' || rebuilt.current) return;
    rebuilt.current = true;
    samActions()
      .then((m) => m.rebuildKeptApp())
      .then(
        (done) => {
          if (done)
            useLabStore.getState().addNotice('info', "Rebuilt the SAM app's resources in a fresh world.");
        },
        (e: unknown) =>
          useLabStore
            .getState()
            .addNotice(
              'warning',
              `The SAM app's resources could not be rebuilt (${e instanceof Error ? e.message : String(e)}); open the app again.`,
            ),
      );
  }, [python]);

  useEffect(() => {
    // Drops the rest of the page does not take (an S3 upload target takes its own) open the app.
    const over = (e: DragEvent) => {
      if (!e.defaultPrevented && carriesFiles(e.dataTransfer)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.defaultPrevented || !carriesFiles(e.dataTransfer) || !e.dataTransfer) return;
      // The page keeps the drop (a browser would otherwise leave the lab to show the file).
      e.preventDefault();
      const data = e.dataTransfer;
      if (!isAppDrop(data)) {
        useLabStore
          .getState()
          .addNotice(
            'info',
            'To open a SAM app, drop its folder, its .zip, or its template.yaml with its files.',
          );
        return;
      }
      const picked = fromDrop(data);
      void open(() => picked);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  });

  return (
    <>
      <button type="button" data-testid="sam.open-zip" onClick={() => zipInput.current?.click()}>
        Open SAM app (.zip)…
      </button>
      <button type="button" data-testid="sam.open-folder" onClick={() => folderInput.current?.click()}>
        Open SAM app (folder)…
      </button>
      <button
        type="button"
        data-testid="sam.export"
        onClick={() =>
          samActions()
            .then((m) => m.exportSamApp())
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        }
      >
        Export as SAM app (.zip)
      </button>
      <input
        ref={zipInput}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="sam.open-zip-file"
        aria-label="SAM application .zip to open"
        onChange={(e) => {
          const files = e.target.files;
          if (files && files.length > 0) {
            const picked = fromInput(files);
            void open(() => picked);
          }
          e.target.value = '';
        }}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="sam.open-folder-file"
        aria-label="SAM application folder to open"
        onChange={(e) => {
          const files = e.target.files;
          if (files && files.length > 0) {
            const picked = fromInput(files);
            void open(() => picked);
          }
          e.target.value = '';
        }}
      />
      <span hidden data-testid="sam.status" data-state={status} />
      {error ? (
        <p className="inline-error menu-error" role="alert" data-testid="sam.error">
          {error}
        </p>
      ) : null}
    </>
  );
}
