/**
 * Counting help-centre visitors without cookies: each public page the Node server answers adds
 * the reader's daily hash (src/server/privacy/daily-salt.ts: salt of the day, address and
 * User-Agent) to visitors_today. The address is hashed at once and never stored or buffered;
 * hashes are buffered in memory and written every few seconds in one transaction, so a page view
 * costs no disk write. Obvious bots, HEAD requests and readers with Do Not Track or Global Privacy
 * Control on are not counted.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Logger } from '../log.ts';
import { readerHash, utcDay } from '../privacy/daily-salt.ts';
import type { ReaderEventStore, SaltStore, VisitorMark } from '../store/types.ts';

/** One page view as the static site sees it. */
export interface PageView {
  locale: Locale;
  method: string;
  clientAddress: string;
  userAgent: string | undefined;
  /** DNT: 1 or Sec-GPC: 1 on the request. */
  optedOut: boolean;
}

export interface VisitorCounter {
  /** Notes a page view; cheap and synchronous (the write comes later). */
  count(view: PageView): void;
  /** Writes what is buffered now. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
}

const BOT = /bot|crawl|spider|slurp|preview/i;
/** Beyond this many buffered hashes the buffer is written at once. */
const FLUSH_ABOVE = 5000;

/** Whether a page view is a reader to count. */
export function countable(view: PageView): boolean {
  return (
    view.method === 'GET' &&
    !view.optedOut &&
    Boolean(view.userAgent?.trim()) &&
    !BOT.test(view.userAgent ?? '')
  );
}

export function visitorCounter(options: {
  store: ReaderEventStore;
  salts: SaltStore;
  log: Logger;
  /** Default: the system clock. */
  now?: () => Date;
  /** How often the buffer is written. Default 5 seconds. */
  flushEveryMs?: number;
}): VisitorCounter {
  const now = options.now ?? (() => new Date());
  let salt: { day: string; value: string } | undefined;
  let saltLoading: Promise<void> | undefined;
  /** Views of a new day, waiting the few milliseconds its salt takes to load (or make). */
  let waiting: Array<{ day: string; view: PageView }> = [];
  let buffer = new Map<string, VisitorMark>();
  let writing: Promise<void> = Promise.resolve();

  const add = (day: string, saltValue: string, view: PageView) => {
    const visitor = readerHash(saltValue, view.clientAddress, view.userAgent ?? '');
    buffer.set(`${day} ${view.locale} ${visitor}`, { day, locale: view.locale, visitor });
    if (buffer.size > FLUSH_ABOVE) void flush();
  };

  const loadSalt = (day: string) => {
    saltLoading ??= options.salts
      .forDay(day)
      .then((value) => {
        salt = { day, value };
        const ready = waiting.filter((entry) => entry.day === day);
        waiting = waiting.filter((entry) => entry.day !== day);
        for (const entry of ready) add(day, value, entry.view);
      })
      .catch((error: unknown) => {
        // Uncounted rather than kept: the addresses must not wait for a database that is down.
        waiting = waiting.filter((entry) => entry.day !== day);
        options.log.error('visitor count: no salt for the day', error);
      })
      .finally(() => {
        saltLoading = undefined;
        if (waiting.length) loadSalt(waiting[0]!.day);
      });
  };

  const flush = (): Promise<void> => {
    if (buffer.size === 0) return writing;
    const marks = [...buffer.values()];
    buffer = new Map();
    writing = writing
      .then(() => options.store.recordVisitors(marks))
      .catch((error: unknown) => options.log.error('visitor count not written', error));
    return writing;
  };

  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 5000);
  timer.unref();

  return {
    count(view) {
      if (!countable(view)) return;
      const day = utcDay(now());
      if (salt?.day === day) return add(day, salt.value, view);
      // Only the hash may outlive this call; an address waits here for its salt, no longer.
      waiting.push({ day, view });
      loadSalt(day);
    },
    flush: async () => {
      await saltLoading;
      await flush();
    },
    stop: async () => {
      clearInterval(timer);
      await saltLoading;
      await flush();
    },
  };
}
