/**
 * Sign-in housekeeping, at start and then every hour: sessions past their absolute end, and
 * sign-in links and pending single sign-ons a day past theirs (a used link still counts toward
 * the per-address limit while it is recent) are deleted, so none piles up in the database.
 * Safe on several instances at once: each run is a plain DELETE of what is expired.
 */
import type { Logger } from '../log.ts';
import type { Stores } from '../store/types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Housekeeping {
  /** Runs now; resolves with the number of sessions deleted. */
  run(): Promise<number>;
  stop(): void;
}

export function startSignInHousekeeping(options: {
  stores: Pick<Stores, 'sessions' | 'signIn'>;
  log: Logger;
  now?: () => Date;
  everyMs?: number;
}): Housekeeping {
  const now = options.now ?? (() => new Date());
  const run = async (): Promise<number> => {
    try {
      const at = now();
      const sessions = await options.stores.sessions.deleteExpired(at.toISOString());
      await options.stores.signIn.deleteExpired(new Date(at.getTime() - DAY_MS).toISOString());
      return sessions;
    } catch (error) {
      options.log.error('sign-in housekeeping failed', error);
      return 0;
    }
  };
  const timer = setInterval(() => void run(), options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  void run();
  return { run, stop: () => clearInterval(timer) };
}
