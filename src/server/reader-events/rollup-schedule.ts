/**
 * Runs the reader-event rollup (src/server/store/sqlite/reader-events-rollup.ts: daily rows,
 * 30-day retention, visitors folded) once at start and then every hour. Tests call `run()` with a
 * pinned clock instead of waiting.
 */
import type { Logger } from '../log.ts';
import { utcDay } from '../privacy/daily-salt.ts';
import type { ReaderEventRollup, ReaderEventStore } from '../store/types.ts';

export interface RollupSchedule {
  /** Runs the rollup now (for the day the clock says); a run already under way is awaited. */
  run(): Promise<ReaderEventRollup | undefined>;
  /** No further runs; resolves when a run under way has finished. */
  stop(): Promise<void>;
}

export function startReaderEventRollup(options: {
  store: ReaderEventStore;
  log: Logger;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: one hour. */
  everyMs?: number;
}): RollupSchedule {
  const now = options.now ?? (() => new Date());
  let running: Promise<ReaderEventRollup | undefined> | undefined;
  let stopped = false;
  const run = () =>
    (running ??= options.store
      .rollup(utcDay(now()))
      .catch((error: unknown) => {
        options.log.error('reader event rollup failed', error);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(
    () => {
      if (!stopped) void run();
    },
    options.everyMs ?? 60 * 60 * 1000,
  );
  timer.unref();
  void run();
  return {
    run,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
