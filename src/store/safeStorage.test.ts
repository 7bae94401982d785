import { describe, expect, it } from 'vitest';
import type { StorageValue } from 'zustand/middleware';
import { type Persisted, parsePersisted } from './labStore';
import { emptyProgress } from './progressSlice';
import { createSafeStorage } from './safeStorage';
import { defaultWorkspace, WORKSPACE_VERSION } from './workspaceDoc';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

function setup() {
  const storage = new MemoryStorage();
  const notices: { key: string; reason: string }[] = [];
  const safe = createSafeStorage({
    version: WORKSPACE_VERSION,
    parse: parsePersisted,
    onSetAside: (n) => notices.push(n),
    storage,
  });
  return { storage, notices, safe };
}

describe('the validating storage', () => {
  it('sets a corrupt save aside, reports it, and leaves other data alone', () => {
    const { storage, notices, safe } = setup();
    storage.setItem('lab', '{not json');
    storage.setItem('other-app', 'keep me');
    expect(safe.getItem('lab')).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.reason).toBe('it is not valid JSON');
    expect(storage.getItem(notices[0]?.key ?? '')).toBe('{not json');
    expect(storage.getItem('other-app')).toBe('keep me');
  });

  it('sets aside a foreign shape with the reason', () => {
    const { storage, notices, safe } = setup();
    storage.setItem(
      'lab',
      JSON.stringify({ state: { workspace: { version: 2, functions: 7 } }, version: 2 }),
    );
    expect(safe.getItem('lab')).toBeNull();
    expect(notices[0]?.reason).toContain('functions');
  });

  it('reads a current save and migrates a version 1 save', () => {
    const { storage, notices, safe } = setup();
    const workspace = defaultWorkspace();
    storage.setItem(
      'lab',
      JSON.stringify({ state: { workspace, theme: 'dark' }, version: WORKSPACE_VERSION }),
    );
    expect(safe.getItem('lab')).toEqual({
      state: { workspace, theme: 'dark', progress: emptyProgress() },
      version: WORKSPACE_VERSION,
    });
    storage.setItem(
      'old',
      JSON.stringify({ state: { code: 'x = 1\n', eventJson: '{}', handler: 'a.b' }, version: 1 }),
    );
    const old = safe.getItem('old') as StorageValue<Persisted> | null;
    expect(old?.state.workspace.functions['hello-lambda']?.files['lambda_function.py']).toBe('x = 1\n');
    expect(notices).toEqual([]);
  });
});
