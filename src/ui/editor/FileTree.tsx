/**
 * The function's /var/task as a tree (the WAI-ARIA tree pattern: one tab stop, arrows move, Right/Left
 * open and close folders, Enter opens a file, F2 renames, Delete deletes), with add, rename and delete.
 */
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  addFile,
  buildTree,
  changeActiveFunction,
  deletePath,
  existingHandlerFile,
  type FileChange,
  renamePath,
  type TreeNode,
} from '../../store/fileTreeActions';
import { useLabStore } from '../../store/labStore';
import { selectActiveFunction } from '../../store/workspaceSlice';
import { DeleteConfirm, PathForm } from './FileForm';

type Mode =
  | { kind: 'add'; start: string }
  | { kind: 'rename'; path: string }
  | { kind: 'delete'; path: string };

interface Row {
  readonly node: TreeNode;
  readonly depth: number;
  readonly parent: string | null;
}

/** The rows a reader can reach: children of collapsed folders are left out. */
function visibleRows(
  nodes: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  depth = 1,
  parent: string | null = null,
): Row[] {
  return nodes.flatMap((node) => [
    { node, depth, parent },
    ...(node.kind === 'folder' && !collapsed.has(node.path)
      ? visibleRows(node.children, collapsed, depth + 1, node.path)
      : []),
  ]);
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

export function FileTree() {
  const draft = useLabStore((s) => selectActiveFunction(s));
  const paths = useLabStore(useShallow((s) => Object.keys(selectActiveFunction(s).files)));
  const activeFile = draft.activeFile;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const items = useRef(new Map<string, HTMLDivElement>());
  const tree = useMemo(() => buildTree(paths), [paths]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const handlerPath = existingHandlerFile(draft);
  const current =
    rows.find((r) => r.node.path === focusPath) ?? rows.find((r) => r.node.path === activeFile) ?? rows[0];

  const focus = (path: string | undefined) => {
    if (!path) return;
    setFocusPath(path);
    items.current.get(path)?.focus();
  };
  const toggle = (path: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  const open = (node: TreeNode) =>
    node.kind === 'folder' ? toggle(node.path) : useLabStore.getState().setActiveFile(node.path);
  /** Back to the tree once a form closes, on the file the change opened (or the one it was about). */
  const close = (path?: string) => {
    setMode(null);
    setTimeout(() => {
      const goal = path ?? focusPath ?? selectActiveFunction(useLabStore.getState()).activeFile;
      setFocusPath(goal);
      items.current.get(goal)?.focus();
    }, 0);
  };
  const apply = (change: (d: typeof draft) => FileChange, done: string): string | null => {
    const result = changeActiveFunction(change);
    if (!result.ok) return result.error;
    close(result.draft.activeFile);
    setNotice({ text: result.warning ?? done, warn: result.warning !== undefined });
    return null;
  };

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const row = rows[index];
    if (!row) return;
    const { node } = row;
    const handled = (() => {
      switch (e.key) {
        case 'ArrowDown':
          return focus(rows[index + 1]?.node.path);
        case 'ArrowUp':
          return focus(rows[index - 1]?.node.path);
        case 'Home':
          return focus(rows[0]?.node.path);
        case 'End':
          return focus(rows[rows.length - 1]?.node.path);
        case 'ArrowRight':
          if (node.kind !== 'folder') return;
          return collapsed.has(node.path) ? toggle(node.path) : focus(node.children[0]?.path);
        case 'ArrowLeft':
          if (node.kind === 'folder' && !collapsed.has(node.path)) return toggle(node.path);
          return row.parent ? focus(row.parent) : undefined;
        case 'Enter':
        case ' ':
          return open(node);
        case 'F2':
          return setMode({ kind: 'rename', path: node.path });
        case 'Delete':
          return setMode({ kind: 'delete', path: node.path });
        default:
          return 'ignored';
      }
    })();
    if (handled !== 'ignored') e.preventDefault();
  };

  const target = current?.node.path ?? activeFile;
  return (
    <nav className={mode ? 'file-tree editing' : 'file-tree'} aria-label="Function files" data-testid="files">
      <div className="file-tree-head">
        <span className="file-tree-root" title="Lambda unpacks the function's code here">
          /var/task
        </span>
        <button
          type="button"
          onClick={() =>
            setMode({
              kind: 'add',
              start: current
                ? folderOf(current.node.kind === 'folder' ? `${current.node.path}/` : current.node.path)
                : '',
            })
          }
          data-testid="files.new"
        >
          New file
        </button>
      </div>
      <div role="tree" aria-label="/var/task" className="tree">
        {rows.map(({ node, depth }, index) => {
          const isCurrent = node.path === current?.node.path;
          const folder = node.kind === 'folder';
          return (
            <div
              key={node.path}
              ref={(el) => {
                if (el) items.current.set(node.path, el);
                else items.current.delete(node.path);
              }}
              role="treeitem"
              aria-level={depth}
              aria-expanded={folder ? !collapsed.has(node.path) : undefined}
              aria-selected={folder ? undefined : node.path === activeFile}
              tabIndex={isCurrent ? 0 : -1}
              className={`tree-item${node.path === activeFile ? ' active' : ''}`}
              style={{ paddingInlineStart: `${(depth - 1) * 0.9 + 0.3}rem` }}
              onClick={() => {
                setFocusPath(node.path);
                open(node);
              }}
              onFocus={() => setFocusPath(node.path)}
              onKeyDown={(e) => onKeyDown(e, index)}
              data-testid="files.item"
              data-path={node.path}
            >
              <span aria-hidden="true" className="tree-icon">
                {folder ? (collapsed.has(node.path) ? '▸' : '▾') : '·'}
              </span>
              <span className="tree-name">{node.name}</span>
              {node.path === handlerPath ? <span className="tree-badge">handler</span> : null}
            </div>
          );
        })}
      </div>
      <div className="file-tree-actions">
        <button
          type="button"
          onClick={() => setMode({ kind: 'rename', path: target })}
          aria-label={`Rename ${target}`}
          title="Rename (F2)"
          data-testid="files.rename"
        >
          Rename
        </button>
        <button
          type="button"
          onClick={() => setMode({ kind: 'delete', path: target })}
          aria-label={`Delete ${target}`}
          title="Delete (Del)"
          data-testid="files.delete"
        >
          Delete
        </button>
      </div>
      {mode?.kind === 'add' ? (
        <PathForm
          mode="add"
          start={mode.start}
          draft={draft}
          onSubmit={(path) => apply((d) => addFile(d, path), `Added ${path}.`)}
          onCancel={() => close()}
        />
      ) : null}
      {mode?.kind === 'rename' ? (
        <PathForm
          key={mode.path}
          mode="rename"
          start={mode.path}
          draft={draft}
          onSubmit={(path) =>
            apply((d) => renamePath(d, mode.path, path), `Renamed ${mode.path} to ${path}.`)
          }
          onCancel={() => close()}
        />
      ) : null}
      {mode?.kind === 'delete' ? (
        <DeleteConfirm
          path={mode.path}
          draft={draft}
          onConfirm={() => {
            const refused = apply((d) => deletePath(d, mode.path, true), `Deleted ${mode.path}.`);
            if (refused) {
              setNotice({ text: refused, warn: true });
              close();
            }
          }}
          onCancel={() => close()}
        />
      ) : null}
      <p
        className={notice?.warn ? 'file-notice warn' : 'file-notice'}
        role="status"
        data-testid="files.notice"
      >
        {notice?.text ?? ''}
      </p>
    </nav>
  );
}
