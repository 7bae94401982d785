/**
 * Keeps the presenter's windows in step (Slidev's same-browser sync): the projector and the notes window
 * share the segment, the lecture timer and the demo's progress over a BroadcastChannel. One typed
 * message union with a version; anything else on the channel is ignored. When two windows change at
 * once, the higher revision wins, then the higher window id, so both end up showing the same thing.
 */
import { z } from 'zod';

export const SYNC_VERSION = 1;
export const SYNC_CHANNEL = 'lambda-lab.presenter';

export const DEMO_STATUSES = ['ready', 'running', 'paused', 'done', 'failed'] as const;

const PresenterStateSchema = z.strictObject({
  segment: z.int().min(0),
  timer: z.strictObject({ runningSinceMs: z.number().nullable(), accumulatedMs: z.number().min(0) }),
  demo: z.strictObject({ id: z.string(), next: z.int().min(0), status: z.enum(DEMO_STATUSES) }).nullable(),
  rev: z.int().min(0),
});
export type PresenterState = z.infer<typeof PresenterStateSchema>;

export const DEMO_COMMANDS = ['run', 'pause', 'step', 'replay'] as const;
export type DemoCommand = (typeof DEMO_COMMANDS)[number];

const Message = z.discriminatedUnion('kind', [
  /** A window opened: whoever has state answers with it. */
  z.strictObject({ v: z.literal(SYNC_VERSION), kind: z.literal('hello'), from: z.string() }),
  z.strictObject({
    v: z.literal(SYNC_VERSION),
    kind: z.literal('state'),
    from: z.string(),
    state: PresenterStateSchema,
  }),
  /** The notes window drives the demo, which runs where Python is: the presenting window. */
  z.strictObject({
    v: z.literal(SYNC_VERSION),
    kind: z.literal('demo'),
    from: z.string(),
    demoId: z.string(),
    command: z.enum(DEMO_COMMANDS),
  }),
]);
export type SyncMessage = z.infer<typeof Message>;

/** The part of BroadcastChannel this needs (a fake in unit tests, the real one in Node and browsers). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface PresenterSync {
  /** Tell the other windows about a local change. */
  publish(state: PresenterState): void;
  sendDemoCommand(demoId: string, command: DemoCommand): void;
  close(): void;
}

/** Should `incoming` (from window `from`) replace `local` (in window `self`)? */
export function wins(incoming: PresenterState, from: string, local: PresenterState, self: string): boolean {
  return incoming.rev > local.rev || (incoming.rev === local.rev && from > self);
}

export function parseSyncMessage(data: unknown): SyncMessage | null {
  const r = Message.safeParse(data);
  return r.success ? r.data : null;
}

export function createPresenterSync(options: {
  readonly channel: ChannelLike;
  /** This window's id: random, so two windows never share one. */
  readonly id: string;
  readonly getState: () => PresenterState;
  readonly apply: (state: PresenterState) => void;
  readonly onDemoCommand?: (demoId: string, command: DemoCommand) => void;
}): PresenterSync {
  const { channel, id } = options;
  const post = (message: SyncMessage) => channel.postMessage(message);
  channel.onmessage = (event) => {
    const message = parseSyncMessage(event.data);
    if (!message || message.from === id) return;
    switch (message.kind) {
      case 'hello':
        post({ v: SYNC_VERSION, kind: 'state', from: id, state: options.getState() });
        break;
      case 'state':
        if (wins(message.state, message.from, options.getState(), id)) options.apply(message.state);
        break;
      case 'demo':
        options.onDemoCommand?.(message.demoId, message.command);
        break;
      default: {
        const never: never = message;
        throw new Error(`unknown sync message ${JSON.stringify(never)}`);
      }
    }
  };
  post({ v: SYNC_VERSION, kind: 'hello', from: id });
  return {
    publish: (state) => post({ v: SYNC_VERSION, kind: 'state', from: id, state }),
    sendDemoCommand: (demoId, command) => post({ v: SYNC_VERSION, kind: 'demo', from: id, demoId, command }),
    close: () => {
      channel.onmessage = null;
      channel.close();
    },
  };
}
