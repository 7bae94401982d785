/**
 * Layers: the function's layers in merge order (at most five), and the workspace's layers with their
 * files. Deploy publishes a new layer version when a layer's files changed and attaches it; the files
 * appear under /opt (a Python module in python/ is importable by name).
 */
import { useId, useState } from 'react';
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { useLabStore } from '../../store/labStore';
import { Section } from './fields';
import { useActiveDraft, type WorldView } from './useConfig';

function LayerFiles({ name }: { name: string }) {
  const layer = useLabStore((s) => s.workspace.layers[name]);
  const { setLayerFile, removeLayerFile, removeLayer } = useLabStore.getState();
  const [path, setPath] = useState('python/');
  const pathId = useId();
  if (!layer) return null;
  const paths = Object.keys(layer.files);
  const pathError =
    path.trim() === '' || path.endsWith('/')
      ? 'Enter a file path, such as python/utils.py.'
      : paths.includes(path)
        ? `${path} exists.`
        : null;
  return (
    <li className="cfg-card" data-testid="config.layer" data-layer={name}>
      <div className="cfg-card-head">
        <strong>{name}</strong>
        <span className="muted">{paths.length} file(s)</span>
        <button type="button" onClick={() => removeLayer(name)} aria-label={`Delete the layer ${name}`}>
          Delete
        </button>
      </div>
      {paths.map((p) => (
        <div className="cfg-field" key={p}>
          <label htmlFor={`${pathId}-${p}`}>
            <code>/opt/{p}</code>
          </label>
          <textarea
            id={`${pathId}-${p}`}
            className="cfg-code"
            rows={Math.min(12, Math.max(3, (layer.files[p] ?? '').split('\n').length))}
            spellCheck={false}
            value={layer.files[p] ?? ''}
            onChange={(e) => setLayerFile(name, p, e.target.value)}
            data-testid="config.layer.file"
          />
          <button type="button" className="link-button" onClick={() => removeLayerFile(name, p)}>
            Remove {p}
          </button>
        </div>
      ))}
      <div className="cfg-inline">
        <label htmlFor={pathId}>New file</label>
        <input
          id={pathId}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          spellCheck={false}
          data-testid="config.layer.path"
        />
        <button
          type="button"
          disabled={pathError !== null}
          onClick={() => setLayerFile(name, path, '')}
          data-testid="config.layer.add-file"
        >
          Add file
        </button>
      </div>
      {pathError && path !== 'python/' ? <p className="hint">{pathError}</p> : null}
    </li>
  );
}

export function LayersSection({ errors, world }: { errors: FieldErrors; world: WorldView }) {
  const draft = useActiveDraft();
  const layers = useLabStore((s) => s.workspace.layers);
  const { patchFunction, addLayer } = useLabStore.getState();
  const [newName, setNewName] = useState('');
  const newId = useId();
  const attached = draft.layers;
  const available = Object.keys(layers).filter((l) => !attached.includes(l));
  const move = (i: number, by: -1 | 1) => {
    const next = [...attached];
    const [item] = next.splice(i, 1);
    if (item === undefined) return;
    next.splice(i + by, 0, item);
    patchFunction({ layers: next });
  };
  const taken = newName in layers;
  return (
    <Section title="Layers" testId="config.layers">
      <p className="hint">
        Code shared by several functions, unpacked under <code>/opt</code> in this order (a later layer's file
        wins). A function can use at most five. Deploy publishes a new version of a layer whose files changed.
      </p>
      <ol className="cfg-layers" aria-label="Layers of this function">
        {attached.map((l, i) => (
          <li key={l} data-testid="config.layer.attached">
            <code>{l}</code>{' '}
            <span className="muted">
              {world.layerArns.find((a) => a.includes(`:layer:${l}:`)) ?? 'not deployed yet'}
            </span>{' '}
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${l} up`}>
              ↑
            </button>
            <button
              type="button"
              disabled={i === attached.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${l} down`}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => patchFunction({ layers: attached.filter((x) => x !== l) })}
              aria-label={`Detach ${l}`}
            >
              Detach
            </button>
          </li>
        ))}
      </ol>
      {errors.layers ? (
        <p className="inline-error" role="alert" data-testid="config.layers.error">
          {errors.layers}
        </p>
      ) : null}
      {available.length > 0 ? (
        <label className="cfg-inline">
          Attach a layer:{' '}
          <select
            value=""
            onChange={(e) => e.target.value && patchFunction({ layers: [...attached, e.target.value] })}
            data-testid="config.layer.attach"
          >
            <option value="">choose…</option>
            {available.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <h4>Layers in this workspace</h4>
      <ul className="cfg-cards">
        {Object.keys(layers).map((l) => (
          <LayerFiles key={l} name={l} />
        ))}
      </ul>
      <form
        className="cfg-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (newName.trim() === '' || taken) return;
          const name = newName.trim();
          addLayer(name, { [`python/${name.replaceAll('-', '_')}.py`]: '' });
          setNewName('');
        }}
      >
        <label htmlFor={newId}>New layer</label>
        <input
          id={newId}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder="shared-utils"
          spellCheck={false}
          data-testid="config.layer.name"
        />
        <button type="submit" disabled={newName.trim() === '' || taken} data-testid="config.layer.create">
          Create layer
        </button>
        {taken ? <span className="inline-error">A layer named {newName} exists.</span> : null}
      </form>
    </Section>
  );
}
