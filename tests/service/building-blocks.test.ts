// The small pieces of the service whose edge cases are cheaper to pin without a server.
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { tempDir } from './helpers.ts';
import { silentLogger } from '../../src/server/log.ts';
import type { TicketStore } from '../../src/server/store/types.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { SlidingWindowLimiter } from '../../src/server/middleware/rate-limit.ts';
import { parseAcceptLanguage } from '../../src/server/static-site.ts';
import { generateReference, normalizeReference } from '../../src/server/tickets/reference.ts';
import { cleanLine, cleanMultiline } from '../../src/server/tickets/validate.ts';

describe('ticket references', () => {
  test('are HB- and 8 Crockford base32 characters, never I, L, O or U', () => {
    const references = Array.from({ length: 2000 }, generateReference);
    for (const reference of references) expect(reference).toMatch(/^HB-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(new Set(references).size).toBe(references.length);
  });

  test('typed by a person, they are read back the way Crockford specifies', () => {
    expect(normalizeReference('hb-7k2m9q0z')).toBe('HB-7K2M9Q0Z');
    expect(normalizeReference(' HB 7K2M 9QOZ ')).toBe('HB-7K2M9Q0Z');
    expect(normalizeReference('HB-IL000000')).toBe('HB-11000000');
    expect(normalizeReference('HB-7K2M9Q0')).toBeUndefined();
    expect(normalizeReference('HB-7K2M9Q0U')).toBeUndefined();
    expect(normalizeReference('XX-7K2M9Q0Z')).toBeUndefined();
  });
});

describe('the sliding-window rate limiter', () => {
  test('refuses the request over the limit until the oldest one leaves the window', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ max: 2, windowSeconds: 600 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    now = 100_000;
    expect(limiter.take('a').allowed).toBe(true);
    now = 200_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 400 });
    now = 600_001;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  test('a released slot can be taken again, once', () => {
    const limiter = new SlidingWindowLimiter({ max: 1, windowSeconds: 60 }, () => 0);
    const slot = limiter.take('b');
    if (!slot.allowed) throw new Error('first take must be allowed');
    slot.release();
    slot.release();
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(false);
  });
});

describe('Accept-Language', () => {
  test('orders tags by quality, keeping header order among equals and dropping q=0 and *', () => {
    expect(parseAcceptLanguage('de;q=0.5, fr-CH, fr;q=0.9, *;q=0.1, ru;q=0')).toEqual([
      'fr-CH',
      'fr',
      'de',
    ]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage(';;,q=,')).toEqual([]);
  });
});

describe('cleaning text', () => {
  test('a one-line field turns line breaks into spaces and drops other controls', () => {
    expect(cleanLine(' a\tb\nc\u0000d\u009F ')).toBe('a b cd');
  });

  test('a message keeps newlines and tabs, with CRLF made \\n', () => {
    expect(cleanMultiline('\r\nfirst\r\n\tsecond\u0007\r')).toBe('first\n\tsecond');
  });

  test('both compose to NFC and repair lone surrogates', () => {
    expect(cleanLine('e\u0301')).toBe('\u00e9');
    expect(cleanMultiline('x\ud800y')).toBe('x\ufffdy');
  });
});

describe('createApp as a plain fetch handler', () => {
  const failingStore: TicketStore = {
    createTicket: () => Promise.reject(new Error('disk full')),
    findByReference: () => Promise.reject(new Error('disk full')),
    pendingSuggestions: () => Promise.reject(new Error('disk full')),
    saveSuggestions: () => Promise.reject(new Error('disk full')),
    applyHelpdeskEvent: () => Promise.reject(new Error('disk full')),
    listForSla: () => Promise.reject(new Error('disk full')),
    ping: () => Promise.reject(new Error('disk full')),
    close: () => Promise.resolve(),
  };
  const app = createApp({
    stores: { ...openSqliteStores({ dataDir: tempDir('stores') }), tickets: failingStore },
    support: loadSupportConfig(),
    log: silentLogger,
  });

  test('health answers 503 problem+json when the database does not answer', async () => {
    const response = await app.fetch(new Request('http://help.test/api/health'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({
      type: '/problems/database-unavailable',
      database: 'unavailable',
    });
  });

  test('a storage failure that is no database fault is a 500 problem that leaks nothing of the cause', async () => {
    const response = await app.fetch(
      new Request('http://help.test/api/tickets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          locale: 'en',
          email: 'a@example.com',
          role: 'buyer',
          topic: 'bidding',
          subject: 'Outbid',
          message: 'I was outbid at the last second.',
        }),
      }),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.type).toBe('/problems/internal-error');
    expect(JSON.stringify(problem)).not.toContain('disk full');
  });
});
