/**
 * `npm run classroom` as the instructor runs it: the supervisor restarts a relay that was killed in the
 * middle of a question, and the class carries on from the journal; and dist/ is built first when it is
 * missing or older than the sources.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refOf, single } from '../testQuestions';
import { childrenOf, fakeDist, type SpawnedRelay, spawnRelay } from './spawnRelay';
import { staleBuild } from './supervise';
import { type TestClient, testClient } from './testClient';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('classroom.supervisor', () => {
  it('classroom.supervisor.resume: killed mid-question, the relay restarts; seats, question and answers survive', async () => {
    const PORT = 4335;
    const dist = fakeDist(1024);
    cleanup.push(() => rmSync(dist, { recursive: true, force: true }));
    const relay: SpawnedRelay = await spawnRelay(PORT, ['--dir', dist]);
    cleanup.push(() => relay.stop());
    const clients: TestClient[] = [];
    cleanup.push(() => {
      for (const c of clients) c.close();
    });
    const client = async (from: string) => {
      const c = await testClient(PORT, {}, from);
      clients.push(c);
      return c;
    };

    const teacher = await client('127.0.0.1');
    teacher.send({ type: 'create' });
    const auth = await teacher.next('session');
    const ada = await client('127.0.0.2');
    ada.send({ type: 'join', code: auth.code, name: 'Ada' });
    const adaSeat = await ada.next('joined');
    const bob = await client('127.0.0.3');
    bob.send({ type: 'join', code: auth.code, name: 'Bob' });
    const bobSeat = await bob.next('joined');
    teacher.send({
      type: 'ask',
      code: auth.code,
      token: auth.token,
      ref: refOf(single.id),
      question: single,
    });
    await ada.next('question', (m) => m.round !== null);
    ada.send({ type: 'answer', seq: 1, answer: ['warm'] });
    await ada.next('answered');

    const [pid] = childrenOf(relay.child.pid as number);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid as number, 'SIGKILL');
    await Promise.all([teacher.closed, ada.closed, bob.closed]);
    await relay.waitFor(/Restarting it; sessions resume from the journal/);
    await relay.waitFor(/On this machine:/, 2);
    expect(childrenOf(relay.child.pid as number)[0]).not.toBe(pid);
    // The instructor link (host key) is the same after the restart.
    const keys = [...relay.output().matchAll(/#key=(\S+)/g)].map((m) => m[1]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);

    // Every page reconnects as its client does: the instructor resumes, students rejoin their seats.
    const teacher2 = await client('127.0.0.1');
    teacher2.send({ type: 'resume', code: auth.code, token: auth.token });
    const state = await teacher2.next('session');
    expect(state.round).toMatchObject({ seq: 1, revealed: false });
    expect(state.histogram).toMatchObject({ joined: 2, answered: 1 });
    const ada2 = await client('127.0.0.2');
    ada2.send({ type: 'rejoin', code: auth.code, studentId: adaSeat.studentId, resume: adaSeat.resume });
    expect((await ada2.next('joined')).name).toBe('Ada');
    expect(await ada2.next('question')).toMatchObject({ round: { seq: 1 }, yourAnswer: ['warm'] });
    const bob2 = await client('127.0.0.3');
    bob2.send({ type: 'rejoin', code: auth.code, studentId: bobSeat.studentId, resume: bobSeat.resume });
    expect(await bob2.next('question')).toMatchObject({ round: { seq: 1 }, yourAnswer: null });

    bob2.send({ type: 'answer', seq: 1, answer: ['new'] });
    await bob2.next('answered');
    teacher2.send({ type: 'reveal', code: auth.code, token: auth.token });
    expect(await ada2.next('reveal')).toMatchObject({ yourCorrect: true });
    expect(await bob2.next('reveal')).toMatchObject({ yourCorrect: false });
    teacher2.send({ type: 'export', code: auth.code, token: auth.token });
    const csv = (await teacher2.next('csv')).text;
    expect(csv).toContain('"Ada","The warm one","yes"');
    expect(csv).toContain('"Bob","A new one","no"');
  }, 180_000);
});

/** A project folder whose `npm run build` writes dist/index.html (or fails), for the build-first check. */
function project(build: string): string {
  const root = mkdtempSync(join(tmpdir(), 'classroom-project-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'app.ts'), 'export {};');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'p', private: true, scripts: { build } }));
  return root;
}

describe('classroom.build', () => {
  it('classroom.build.stale: dist/ is stale when missing or older than any source', () => {
    const root = project('true');
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const dist = join(root, 'dist');
    expect(staleBuild(root, dist)).toMatch(/has no built app yet/);
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src', 'app.ts'), old, old);
    utimesSync(join(root, 'src'), old, old);
    utimesSync(join(root, 'package.json'), old, old);
    expect(staleBuild(root, dist)).toBeNull();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'app.ts'), later, later);
    expect(staleBuild(root, dist)).toMatch(/^src changed since/);
  });

  it('classroom.build.first: `npm run classroom` builds a missing dist/ first and says so', async () => {
    const write = `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/index.html','<title>built</title>')"`;
    const root = project(write);
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const relay = await spawnRelay(4336, ['--no-restart'], { cwd: root });
    cleanup.push(() => relay.stop());
    expect(relay.output()).toMatch(/Building the app first \(.*dist has no built app yet\): npm run build/);
  }, 120_000);

  it('classroom.build.failed: a failing build ends with one clear line, not a stack trace', async () => {
    const root = project('node -e "process.exit(3)"');
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const relay = await spawnRelay(4336, ['--no-restart'], { cwd: root, ready: false });
    expect(await relay.exited).toBe(1);
    expect(relay.output()).toContain(
      'The build failed (see above). Fix it, then run `npm run classroom` again.',
    );
    expect(relay.output()).not.toMatch(/\n\s+at /);
  }, 120_000);
});
