import { describe, expect, it } from 'vitest';
import { createJobQueue } from './jobQueue';

/** A job that ends when the test says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('the lab job queue', () => {
  it('runs waiting jobs one at a time, in order, and reports busy until the last ends', async () => {
    const changes: boolean[] = [];
    const jobs = createJobQueue((busy) => changes.push(busy));
    const order: string[] = [];
    const first = gate();
    const a = jobs.wait(async () => {
      order.push('a start');
      await first.opened;
      order.push('a end');
    });
    const b = jobs.wait(async () => {
      order.push('b');
    });
    await Promise.resolve();
    expect(jobs.busy()).toBe(true);
    expect(order).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(jobs.busy()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('refuses a job that must run now while another runs, and runs it once idle', async () => {
    const jobs = createJobQueue();
    const first = gate();
    const running = jobs.wait(() => first.opened);
    await expect(jobs.now(async () => 1, 'A test is running.')).rejects.toThrow('A test is running.');
    first.open();
    await running;
    await expect(jobs.now(async () => 2, 'busy')).resolves.toBe(2);
  });

  it('keeps going after a job fails', async () => {
    const jobs = createJobQueue();
    const failed = jobs.wait(async () => {
      throw new Error('boom');
    });
    const next = jobs.wait(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(jobs.busy()).toBe(false);
  });
});
