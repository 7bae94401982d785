import { beforeEach, describe, expect, it } from 'vitest';
import {
  addFile,
  buildTree,
  changeActiveFunction,
  deletePath,
  deletePlan,
  type FileChange,
  handlerFile,
  pathAdvice,
  pathProblem,
  renamePath,
} from './fileTreeActions';
import { useLabStore } from './labStore';
import { defaultWorkspace, type FunctionDraft, newFunctionDraft } from './workspaceDoc';

function draftWith(files: Record<string, string>, activeFile = Object.keys(files)[0] ?? ''): FunctionDraft {
  return { ...newFunctionDraft(), files, activeFile };
}

function applied(change: FileChange): FunctionDraft {
  if (!change.ok) throw new Error(`refused: ${change.error}`);
  return change.draft;
}

function refused(change: FileChange): string {
  if (change.ok) throw new Error('the change was applied');
  return change.error;
}

describe('file names', () => {
  const existing = ['lambda_function.py', 'pkg/util.py'];
  it.each([
    ['', /Enter a file name/],
    [' util.py', /spaces at the start or end/],
    ['/util.py', /inside \/var\/task/],
    ['pkg\\util.py', /Separate folders with \//],
    ['pkg//util.py', /empty/],
    ['pkg/', /empty/],
    ['../escape.py', /\. and \.\. are not allowed/],
    ['my file.py', /"my file.py" has a character/],
    ['lambda_function.py', /already exists/],
    ['pkg', /already a folder/],
    ['lambda_function.py/inner.py', /lambda_function.py is a file/],
    ['x'.repeat(201), /under 200 characters/],
  ])('refuses %j', (path, message) => {
    expect(pathProblem(path, existing)).toMatch(message);
  });

  it.each(['util.py', 'pkg/other.py', 'pkg/sub/deep.py', 'data/config.json', 'requirements.txt'])(
    'accepts %j',
    (path) => {
      expect(pathProblem(path, existing)).toBeNull();
    },
  );

  it('advises against module names Python cannot import or that hide a library, without refusing them', () => {
    expect(pathAdvice('my-util.py')).toMatch(/cannot import my-util.py/);
    expect(pathAdvice('2fast.py')).toMatch(/cannot import/);
    expect(pathAdvice('json.py')).toMatch(/hides the json module/);
    expect(pathAdvice('pkg/json.py')).toBeNull();
    expect(pathAdvice('util.py')).toBeNull();
    expect(pathAdvice('notes.txt')).toBeNull();
    expect(addFile(draftWith({ 'a.py': '' }), 'boto3.py')).toMatchObject({
      ok: true,
      warning: expect.stringMatching(/hides the boto3 module/),
    });
  });

  it('maps a handler setting to its file', () => {
    expect(handlerFile('lambda_function.lambda_handler')).toBe('lambda_function.py');
    expect(handlerFile('pkg.app.handler')).toBe('pkg/app.py');
    expect(handlerFile('nodot')).toBeNull();
  });
});

describe('add, rename, delete', () => {
  it('adds a file in a folder and opens it', () => {
    const draft = applied(addFile(draftWith({ 'lambda_function.py': 'x' }), 'pkg/util.py', 'y = 1\n'));
    expect(draft.files).toEqual({ 'lambda_function.py': 'x', 'pkg/util.py': 'y = 1\n' });
    expect(draft.activeFile).toBe('pkg/util.py');
  });

  it('refuses a duplicate and leaves the draft as it was', () => {
    const before = draftWith({ 'lambda_function.py': 'x' });
    expect(refused(addFile(before, 'lambda_function.py'))).toMatch(/already exists/);
    expect(before.files).toEqual({ 'lambda_function.py': 'x' });
  });

  it('renames a file, keeping its text, its place and the open file', () => {
    const draft = applied(
      renamePath(draftWith({ 'lambda_function.py': 'h', 'a.py': 'A', 'z.py': 'Z' }, 'a.py'), 'a.py', 'b.py'),
    );
    expect(Object.entries(draft.files)).toEqual([
      ['lambda_function.py', 'h'],
      ['b.py', 'A'],
      ['z.py', 'Z'],
    ]);
    expect(draft.activeFile).toBe('b.py');
  });

  it('renames a folder with everything in it, and refuses to move it inside itself', () => {
    const start = draftWith(
      { 'lambda_function.py': 'h', 'pkg/a.py': 'A', 'pkg/sub/b.py': 'B' },
      'pkg/sub/b.py',
    );
    const draft = applied(renamePath(start, 'pkg', 'lib'));
    expect(Object.keys(draft.files)).toEqual(['lambda_function.py', 'lib/a.py', 'lib/sub/b.py']);
    expect(draft.activeFile).toBe('lib/sub/b.py');
    expect(refused(renamePath(start, 'pkg', 'pkg/inner'))).toMatch(/cannot move inside itself/);
  });

  it('refuses a rename onto an existing file', () => {
    expect(refused(renamePath(draftWith({ 'a.py': '', 'b.py': '' }), 'a.py', 'b.py'))).toMatch(
      /already exists/,
    );
  });

  it("warns when a rename takes the handler's file away", () => {
    const change = renamePath(
      draftWith({ 'lambda_function.py': 'h', 'util.py': '' }),
      'lambda_function.py',
      'app.py',
    );
    expect(change).toMatchObject({ ok: true, warning: expect.stringMatching(/Runtime.ImportModuleError/) });
  });

  it('never deletes the handler file without a confirmation', () => {
    const draft = draftWith({ 'lambda_function.py': 'h', 'util.py': 'u' });
    const first = deletePath(draft, 'lambda_function.py');
    expect(first).toMatchObject({ ok: false, needsConfirm: true });
    expect(refused(first)).toMatch(/holds the handler \(lambda_function.lambda_handler\)/);
    const confirmed = applied(deletePath(draft, 'lambda_function.py', true));
    expect(Object.keys(confirmed.files)).toEqual(['util.py']);
    expect(confirmed.activeFile).toBe('util.py');
  });

  it('deletes another file at once, and opens the handler file when the open one goes', () => {
    const draft = applied(
      deletePath(draftWith({ 'lambda_function.py': 'h', 'util.py': 'u' }, 'util.py'), 'util.py'),
    );
    expect(Object.keys(draft.files)).toEqual(['lambda_function.py']);
    expect(draft.activeFile).toBe('lambda_function.py');
  });

  it('deletes a whole folder, and says what it would remove', () => {
    const draft = draftWith({ 'lambda_function.py': 'h', 'pkg/a.py': '', 'pkg/b.py': '', 'pkgx.py': '' });
    expect(deletePlan(draft, 'pkg')).toEqual({ files: ['pkg/a.py', 'pkg/b.py'], removesHandler: false });
    expect(Object.keys(applied(deletePath(draft, 'pkg')).files)).toEqual(['lambda_function.py', 'pkgx.py']);
  });

  it('keeps at least one file', () => {
    expect(refused(deletePath(draftWith({ 'lambda_function.py': 'h' }), 'lambda_function.py', true))).toMatch(
      /at least one file/,
    );
  });
});

describe('tree', () => {
  it('nests folders by path, folders first, each level alphabetical', () => {
    const tree = buildTree(['z.py', 'pkg/util.py', 'a.py', 'pkg/sub/deep.py', 'lib/x.py']);
    expect(tree.map((n) => n.path)).toEqual(['lib', 'pkg', 'a.py', 'z.py']);
    const pkg = tree[1];
    expect(pkg?.kind === 'folder' && pkg.children.map((n) => `${n.kind}:${n.path}`)).toEqual([
      'folder:pkg/sub',
      'file:pkg/util.py',
    ]);
  });
});

describe('applied to the store', () => {
  beforeEach(() => useLabStore.setState({ workspace: defaultWorkspace() }));

  it('changes the active function only when the change is accepted', () => {
    const name = useLabStore.getState().workspace.activeFunction;
    expect(changeActiveFunction((d) => addFile(d, 'util.py', 'X = 1\n')).ok).toBe(true);
    expect(useLabStore.getState().workspace.functions[name]?.files['util.py']).toBe('X = 1\n');
    const before = useLabStore.getState().workspace;
    expect(changeActiveFunction((d) => addFile(d, 'util.py')).ok).toBe(false);
    expect(useLabStore.getState().workspace).toBe(before);
  });
});
