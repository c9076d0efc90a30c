/**
 * What every TicketStore promises, whatever the database: run by ticket-store.sqlite.test.ts and
 * ticket-store.postgres.test.ts against a real SQLite file and a real PostgreSQL server.
 */
import { describe, expect, test } from 'vitest';
import type {
  HelpdeskEventRecord,
  SlaDecision,
  TicketDraft,
  TicketStore,
} from '../../../src/server/store/types.ts';

export interface OpenTicketStore {
  (options?: { newReference?: () => string }): Promise<TicketStore>;
}

export function draft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    locale: 'nl',
    email: 'anna@example.com',
    name: 'Anna de Vries',
    role: 'buyer',
    topic: 'payment',
    priority: 'normal',
    subject: 'Mijn betaling is mislukt',
    message: 'Ik probeerde kavel 1234 te betalen met mijn kaart.',
    articleId: 'paying-for-lots',
    searchQuery: 'betaling mislukt',
    shownArticles: ['paying-for-lots', 'payment-methods'],
    openedArticles: ['payment-methods'],
    suggestedArticles: ['paying-for-lots'],
    team: 'email-nl',
    receivedAt: '2026-12-01T09:00:00.000Z',
    firstReplyDueAt: '2026-12-02T09:00:00.000Z',
    firstReplyHours: 24,
    firstReplyClock: 'calendar',
    firstReplyStartsAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

const reply = (ticket: { firstReplyDueAt: string }, at: string): SlaDecision => ({
  outcome: 'apply',
  update: {
    slaState: at <= ticket.firstReplyDueAt ? 'achieved' : 'breached',
    firstReplyAt: at,
    pausedMs: 0,
    pausedSince: null,
    solvedAt: null,
  },
});

export function describeTicketStore(database: string, open: OpenTicketStore): void {
  describe(`the ticket store on ${database}`, () => {
    test('stores a ticket and reads it back by reference, every field as given', async () => {
      const store = await open();
      try {
        const created = await store.createTicket(draft());
        expect(created.outcome).toBe('created');
        if (created.outcome !== 'created') return;
        expect(created.ticket).toMatchObject({
          ...draft(),
          suggestionsPending: false,
          createdAt: '2026-12-01T09:00:00.000Z',
          slaState: 'pending',
          firstReplyAt: null,
          pausedMs: 0,
          pausedSince: null,
          solvedAt: null,
        });
        expect(created.ticket.reference).toMatch(/^HB-[0-9A-HJKMNP-TV-Z]{8}$/);
        expect(await store.findByReference(created.ticket.reference)).toEqual(created.ticket);
        expect(await store.findByReference('HB-00000000')).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    test('keeps a ticket pending until its suggested articles are saved, oldest first, once', async () => {
      const store = await open();
      try {
        const done = await store.createTicket(draft());
        const later = await store.createTicket(
          draft({
            suggestedArticles: [],
            suggestionsPending: true,
            receivedAt: '2026-12-01T09:05:00.000Z',
          }),
        );
        const first = await store.createTicket(
          draft({
            suggestedArticles: [],
            suggestionsPending: true,
            receivedAt: '2026-12-01T09:01:00.000Z',
          }),
        );
        if (
          done.outcome !== 'created' ||
          later.outcome !== 'created' ||
          first.outcome !== 'created'
        )
          throw new Error('not created');
        expect(done.ticket.suggestionsPending).toBe(false);
        expect(first.ticket).toMatchObject({ suggestionsPending: true, suggestedArticles: [] });
        expect((await store.pendingSuggestions(10)).map((t) => t.id)).toEqual([
          first.ticket.id,
          later.ticket.id,
        ]);
        expect((await store.pendingSuggestions(1)).map((t) => t.id)).toEqual([first.ticket.id]);

        await store.saveSuggestions(first.ticket.id, ['payment-methods', 'paying-for-lots']);
        expect(await store.findByReference(first.ticket.reference)).toMatchObject({
          suggestionsPending: false,
          suggestedArticles: ['payment-methods', 'paying-for-lots'],
        });
        // A second save (two instances racing) changes nothing: the first one stands.
        await store.saveSuggestions(first.ticket.id, ['seller-fees']);
        expect((await store.findByReference(first.ticket.reference))?.suggestedArticles).toEqual([
          'payment-methods',
          'paying-for-lots',
        ]);
        expect((await store.pendingSuggestions(10)).map((t) => t.id)).toEqual([later.ticket.id]);
      } finally {
        await store.close();
      }
    });

    test('keeps text of every language and empty optional fields intact', async () => {
      const store = await open();
      try {
        const created = await store.createTicket(
          draft({
            locale: 'ko',
            name: null,
            subject: '결제가 거절되었어요 ✓',
            articleId: null,
            searchQuery: null,
            shownArticles: [],
            openedArticles: [],
            suggestedArticles: [],
          }),
        );
        if (created.outcome !== 'created') throw new Error(created.outcome);
        const read = await store.findByReference(created.ticket.reference);
        expect(read).toMatchObject({
          name: null,
          subject: '결제가 거절되었어요 ✓',
          articleId: null,
          shownArticles: [],
        });
      } finally {
        await store.close();
      }
    });

    test('a retry with the same idempotency key returns the first ticket; another body is refused', async () => {
      const store = await open();
      try {
        const claim = { key: 'key-1', fingerprint: 'body-a' };
        const first = await store.createTicket(draft(), claim);
        const again = await store.createTicket(draft(), claim);
        expect(again.outcome).toBe('replayed');
        if (first.outcome !== 'created' || again.outcome !== 'replayed') return;
        expect(again.ticket.id).toBe(first.ticket.id);
        expect(await store.createTicket(draft(), { key: 'key-1', fingerprint: 'body-b' })).toEqual({
          outcome: 'key-reused',
        });
      } finally {
        await store.close();
      }
    });

    test('twenty concurrent requests with one key create exactly one ticket', async () => {
      const store = await open();
      try {
        const claim = { key: 'key-concurrent', fingerprint: 'same' };
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.createTicket(draft(), claim)),
        );
        const ids = new Set(
          results.map((r) => (r.outcome === 'key-reused' ? 'refused' : r.ticket.id)),
        );
        expect(ids.size).toBe(1);
        expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    test('draws another reference when the first is taken', async () => {
      const references = ['HB-AAAAAAAA', 'HB-AAAAAAAA', 'HB-BBBBBBBB'];
      const store = await open({ newReference: () => references.shift() ?? 'HB-CCCCCCCC' });
      try {
        const a = await store.createTicket(draft());
        const b = await store.createTicket(draft());
        expect(a.outcome === 'created' && a.ticket.reference).toBe('HB-AAAAAAAA');
        expect(b.outcome === 'created' && b.ticket.reference).toBe('HB-BBBBBBBB');
      } finally {
        await store.close();
      }
    });

    test('applies a helpdesk event once: a repeat is a duplicate, the id on another ticket is refused', async () => {
      const store = await open();
      try {
        const a = await store.createTicket(draft());
        const b = await store.createTicket(draft({ email: 'b@example.com' }));
        if (a.outcome !== 'created' || b.outcome !== 'created') throw new Error('not created');
        const event: HelpdeskEventRecord = {
          externalId: 'ev-1',
          type: 'first-reply',
          at: '2026-12-01T15:00:00.000Z',
        };
        const seen: HelpdeskEventRecord[][] = [];
        const decide = (ticket: { firstReplyDueAt: string }, events: HelpdeskEventRecord[]) => {
          seen.push(events);
          return reply(ticket, events.at(-1)!.at);
        };
        const applied = await store.applyHelpdeskEvent(a.ticket.reference, event, decide);
        expect(applied).toMatchObject({
          outcome: 'applied',
          ticket: { slaState: 'achieved', firstReplyAt: event.at },
        });
        expect(await store.applyHelpdeskEvent(a.ticket.reference, event, decide)).toMatchObject({
          outcome: 'duplicate',
        });
        expect(await store.applyHelpdeskEvent(b.ticket.reference, event, decide)).toEqual({
          outcome: 'id-reused',
        });
        expect(
          await store.applyHelpdeskEvent('HB-ZZZZZZZZ', { ...event, externalId: 'ev-2' }, decide),
        ).toEqual({ outcome: 'unknown-reference' });
        expect(seen).toHaveLength(1);
        expect((await store.findByReference(a.ticket.reference))?.slaState).toBe('achieved');
      } finally {
        await store.close();
      }
    });

    test('a refused event changes nothing; later events see the earlier ones in time order', async () => {
      const store = await open();
      try {
        const created = await store.createTicket(draft());
        if (created.outcome !== 'created') throw new Error('not created');
        const reference = created.ticket.reference;
        const refused = await store.applyHelpdeskEvent(
          reference,
          { externalId: 'r-1', type: 'resume', at: '2026-12-01T10:00:00.000Z' },
          () => ({ outcome: 'refuse', reason: 'not paused' }),
        );
        expect(refused).toEqual({ outcome: 'refused', reason: 'not paused' });
        const pause: SlaDecision = {
          outcome: 'apply',
          update: {
            slaState: 'paused',
            firstReplyAt: null,
            pausedMs: 0,
            pausedSince: '2026-12-01T11:00:00.000Z',
            solvedAt: null,
          },
        };
        await store.applyHelpdeskEvent(
          reference,
          { externalId: 'p-1', type: 'pause', at: '2026-12-01T11:00:00.000Z' },
          () => pause,
        );
        let history: HelpdeskEventRecord[] = [];
        await store.applyHelpdeskEvent(
          reference,
          { externalId: 'p-0', type: 'first-reply', at: '2026-12-01T10:30:00.000Z' },
          (ticket, events) => {
            history = events;
            return reply(ticket, '2026-12-01T10:30:00.000Z');
          },
        );
        expect(history.map((e) => e.externalId)).toEqual(['p-1', 'p-0']);
        const stored = await store.findByReference(reference);
        expect(stored).toMatchObject({
          slaState: 'achieved',
          firstReplyAt: '2026-12-01T10:30:00.000Z',
        });
      } finally {
        await store.close();
      }
    });

    test('concurrent events for one ticket decide one after the other, each seeing the last', async () => {
      const store = await open();
      try {
        const created = await store.createTicket(draft());
        if (created.outcome !== 'created') throw new Error('not created');
        const counts: number[] = [];
        await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.applyHelpdeskEvent(
              created.ticket.reference,
              { externalId: `c-${i}`, type: 'pause', at: `2026-12-01T1${i}:00:00.000Z` },
              (ticket, events) => {
                counts.push(events.length);
                return {
                  outcome: 'apply',
                  update: {
                    slaState: 'paused',
                    firstReplyAt: null,
                    pausedMs: ticket.pausedMs + 1,
                    pausedSince: null,
                    solvedAt: null,
                  },
                };
              },
            ),
          ),
        );
        expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect((await store.findByReference(created.ticket.reference))?.pausedMs).toBe(8);
      } finally {
        await store.close();
      }
    });

    test('lists tickets for the SLA view by state, team and time received, oldest first', async () => {
      const store = await open();
      try {
        for (const [team, at] of [
          ['email-nl', '2026-12-01T08:00:00.000Z'],
          ['email-de', '2026-12-01T09:00:00.000Z'],
          ['email-nl', '2026-12-01T10:00:00.000Z'],
          ['email-nl', '2026-12-02T10:00:00.000Z'],
        ] as const) {
          await store.createTicket(draft({ team, receivedAt: at }));
        }
        const list = await store.listForSla({
          states: ['pending'],
          team: 'email-nl',
          receivedFrom: '2026-12-01T00:00:00.000Z',
          receivedBefore: '2026-12-02T00:00:00.000Z',
          limit: 10,
        });
        expect(list.map((t) => t.receivedAt)).toEqual([
          '2026-12-01T08:00:00.000Z',
          '2026-12-01T10:00:00.000Z',
        ]);
        expect(await store.listForSla({ states: ['pending'], limit: 2 })).toHaveLength(2);
        expect(await store.listForSla({ states: ['breached'], limit: 10 })).toEqual([]);
        expect(await store.listForSla({ states: [], limit: 10 })).toEqual([]);
        await expect(store.ping()).resolves.toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
}
