/**
 * Per-address limits against guessing and seat grabbing: wrong codes, tokens and keys cost the address
 * a token, and an address that runs out is blocked from every join and lookup for a while; joins are
 * limited per address and for the whole server; one address holds only a few seats per session.
 */
import { createTokenBucket, type TokenBucket } from './rateLimit';

export interface GuardOptions {
  readonly now: () => number;
  /** Wrong codes, tokens or host keys per address: a burst, then per minute. */
  readonly failBurst: number;
  readonly failPerMinute: number;
  /** How long an address that ran out of wrong attempts is refused everything that looks a code up. */
  readonly blockMs: number;
  /** Joins and rejoins per address, and for the whole server. */
  readonly joinBurst: number;
  readonly joinsPerSecond: number;
  readonly serverJoinBurst: number;
  readonly serverJoinsPerSecond: number;
  /** Seats one address may take in one session. */
  readonly seatsPerAddress: number;
}

export function createGuard(options: GuardOptions) {
  const { now } = options;
  const failures = new Map<string, TokenBucket>();
  const blockedUntil = new Map<string, number>();
  const joins = new Map<string, TokenBucket>();
  const serverJoins = createTokenBucket(options.serverJoinBurst, options.serverJoinsPerSecond, now);
  /** session code -> address -> seats taken. */
  const seats = new Map<string, Map<string, number>>();

  const bucket = (map: Map<string, TokenBucket>, address: string, make: () => TokenBucket) => {
    let b = map.get(address);
    if (!b) {
      b = make();
      map.set(address, b);
    }
    return b;
  };

  return {
    /** Milliseconds this address stays blocked, or 0. */
    blocked(address: string): number {
      const until = blockedUntil.get(address) ?? 0;
      return Math.max(0, until - now());
    },
    /** Counts a wrong code, token or key; false (and a block) once the address has run out. */
    failed(address: string): boolean {
      const b = bucket(failures, address, () =>
        createTokenBucket(options.failBurst, options.failPerMinute / 60, now),
      );
      if (b.take()) return true;
      blockedUntil.set(address, now() + options.blockMs);
      return false;
    },
    /** One join or rejoin; `local` (the server's own machine) has no per-address limit. */
    mayJoin(address: string, local: boolean): boolean {
      if (!local) {
        const b = bucket(joins, address, () =>
          createTokenBucket(options.joinBurst, options.joinsPerSecond, now),
        );
        if (!b.take()) return false;
      }
      return serverJoins.take();
    },
    seatsLeft(code: string, address: string, local: boolean): boolean {
      return local || (seats.get(code)?.get(address) ?? 0) < options.seatsPerAddress;
    },
    tookSeat(code: string, address: string): void {
      const perAddress = seats.get(code) ?? new Map<string, number>();
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      seats.set(code, perAddress);
    },
    forget(code: string): void {
      seats.delete(code);
    },
    /** Drops finished blocks and counters that have long refilled, so the maps stay small. */
    sweep(): void {
      const t = now();
      for (const [address, until] of blockedUntil) if (until <= t) blockedUntil.delete(address);
      if (failures.size > 10_000) failures.clear();
      if (joins.size > 10_000) joins.clear();
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
