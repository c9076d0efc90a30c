import { describe, expect, it } from 'vitest';
import { dueAt } from '../../../src/server/sla/clock.ts';
import { foldSlaEvents, type SlaEvent } from '../../../src/server/sla/ticket-events.ts';
import type { Target } from '../../../src/server/sla/types.ts';
import { ams, emailCalendar } from './helpers.ts';

/** The helpdesk's events folded into the SLA facts of one ticket. */

function base(local: string, target: Target) {
  const receivedAt = ams(local);
  const deadline = dueAt(emailCalendar, receivedAt, target);
  return {
    receivedAt: receivedAt.toString(),
    firstReplyStartsAt: deadline.startsAt.toString(),
    firstReplyDueAt: deadline.dueAt.toString(),
    firstReplyClock: target.clock,
  };
}

const at = (type: SlaEvent['type'], local: string): SlaEvent => ({
  type,
  at: ams(local).toString(),
});
const hours = (n: number) => n * 3_600_000;

// Normal (24 calendar hours), received Wednesday 2 December 2026 10:00: due Thursday 10:00.
const normal = base('2026-12-02 10:00', { hours: 24, clock: 'calendar' });
// Urgent (4 business hours), received Friday 4 December 15:00: due Saturday 11:00.
const urgent = base('2026-12-04 15:00', { hours: 4, clock: 'business' });

describe('folding the helpdesk’s events', () => {
  it('adds the real time of a pause to a calendar target', () => {
    const fold = foldSlaEvents(
      normal,
      [at('pause', '2026-12-02 12:00'), at('resume', '2026-12-02 15:00')],
      emailCalendar,
    );
    expect(fold).toMatchObject({ ok: true, timeline: { pausedMs: hours(3), pausedSince: null } });
  });

  it('adds only the open time inside a pause to a business target', () => {
    // Friday 17–18, Saturday 10–16 and Monday 08–09 are open: 8 hours.
    const fold = foldSlaEvents(
      urgent,
      [at('pause', '2026-12-04 17:00'), at('resume', '2026-12-07 09:00')],
      emailCalendar,
    );
    expect(fold).toMatchObject({ ok: true, timeline: { pausedMs: hours(8) } });
  });

  it('gives the same result whatever order the events arrive in', () => {
    const events = [
      at('first-reply', '2026-12-03 11:00'),
      at('resume', '2026-12-02 15:00'),
      at('pause', '2026-12-02 12:00'),
    ];
    const fold = foldSlaEvents(normal, events, emailCalendar);
    expect(fold).toMatchObject({
      ok: true,
      timeline: {
        pausedMs: hours(3),
        firstReplyAt: '2026-12-03T10:00:00.000Z',
        pausedSince: null,
      },
    });
  });

  it('refuses a resume without a pause before it', () => {
    const fold = foldSlaEvents(normal, [at('resume', '2026-12-02 15:00')], emailCalendar);
    expect(fold).toMatchObject({ ok: false, index: 0 });
    expect(fold.ok || fold.reason).toMatch(/no pause before it/);
  });

  it('ignores a second first reply, and a pause while paused', () => {
    const fold = foldSlaEvents(
      normal,
      [
        at('first-reply', '2026-12-02 11:00'),
        at('first-reply', '2026-12-02 12:00'),
        at('pause', '2026-12-02 13:00'),
        at('pause', '2026-12-02 14:00'),
      ],
      emailCalendar,
    );
    expect(fold.ok).toBe(true);
    if (!fold.ok) return;
    expect(fold.timeline.firstReplyAt).toBe('2026-12-02T10:00:00.000Z');
    expect(fold.timeline.pausedSince).toBe('2026-12-02T12:00:00.000Z');
    expect([...fold.ignored.keys()]).toEqual([1, 3]);
    expect(fold.ignored.get(1)).toMatch(/first reply was at/);
  });

  it('takes the earliest first reply when an earlier one arrives late', () => {
    const fold = foldSlaEvents(
      normal,
      [at('first-reply', '2026-12-03 12:00'), at('first-reply', '2026-12-03 09:00')],
      emailCalendar,
    );
    expect(fold).toMatchObject({
      ok: true,
      timeline: { firstReplyAt: '2026-12-03T08:00:00.000Z' },
    });
    expect(fold.ok && [...fold.ignored.keys()]).toEqual([0]);
  });

  it('does not count a pause that began after the due time', () => {
    const fold = foldSlaEvents(
      normal,
      [at('pause', '2026-12-03 11:00'), at('resume', '2026-12-03 15:00')],
      emailCalendar,
    );
    expect(fold).toMatchObject({ ok: true, timeline: { pausedMs: 0 } });
  });

  it('counts a pause only until the first reply', () => {
    const fold = foldSlaEvents(
      normal,
      [
        at('pause', '2026-12-02 12:00'),
        at('first-reply', '2026-12-02 13:00'),
        at('resume', '2026-12-02 18:00'),
      ],
      emailCalendar,
    );
    expect(fold).toMatchObject({ ok: true, timeline: { pausedMs: hours(1), pausedSince: null } });
  });

  it('refuses an event dated before the ticket arrived', () => {
    const fold = foldSlaEvents(normal, [at('first-reply', '2026-12-02 09:00')], emailCalendar);
    expect(fold).toMatchObject({ ok: false, index: 0 });
  });

  it('records the solve and stops the clock with it', () => {
    const fold = foldSlaEvents(
      normal,
      [at('pause', '2026-12-02 12:00'), at('solve', '2026-12-02 14:00')],
      emailCalendar,
    );
    expect(fold).toMatchObject({
      ok: true,
      timeline: { solvedAt: '2026-12-02T13:00:00.000Z', pausedMs: hours(2), firstReplyAt: null },
    });
  });
});
