import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dueAt } from '../../../src/server/sla/clock.ts';
import { ticketSlaStatus, type TicketSlaFacts } from '../../../src/server/sla/first-reply.ts';
import type { Target } from '../../../src/server/sla/types.ts';
import { ams, emailCalendar, inAms } from './helpers.ts';

/**
 * First-reply status on the email teams' calendar (Mon–Tue 08–20, Wed–Fri 09–18, Sat 10–16,
 * Sunday and Dutch public holidays closed), with the shipped targets: normal 24 calendar hours,
 * urgent 4 business hours, at risk from 80 %.
 */

const normal: Target = { hours: 24, clock: 'calendar' };
const urgent: Target = { hours: 4, clock: 'business' };
const AT_RISK = 0.8;

/** A ticket as the service stores it when it arrives at a local Amsterdam time. */
function received(local: string, target: Target, events: Partial<TicketSlaFacts> = {}) {
  const receivedAt = ams(local);
  const deadline = dueAt(emailCalendar, receivedAt, target);
  return {
    receivedAt: receivedAt.toString(),
    firstReplyStartsAt: deadline.startsAt.toString(),
    firstReplyDueAt: deadline.dueAt.toString(),
    firstReplyHours: target.hours,
    firstReplyClock: target.clock,
    firstReplyAt: null,
    pausedMs: 0,
    pausedSince: null,
    solvedAt: null,
    ...events,
  } satisfies TicketSlaFacts;
}

const statusAt = (facts: TicketSlaFacts, local: string) =>
  ticketSlaStatus(facts, emailCalendar, ams(local), AT_RISK);
const hours = (n: number) => n * 3_600_000;
/** An ISO instant as Amsterdam local time, to the minute. */
const local = (iso: string) => inAms(Temporal.Instant.from(iso));

describe('the first-reply status', () => {
  // Wednesday 2 December 2026, 10:00: the team is open, so 24 calendar hours run from then.
  const wednesday = received('2026-12-02 10:00', normal);

  it('is achieved when the first reply comes before the due time', () => {
    const facts = { ...wednesday, firstReplyAt: ams('2026-12-03 09:59').toString() };
    const status = statusAt(facts, '2026-12-05 12:00');
    expect(status.state).toBe('achieved');
    expect(local(status.dueAt)).toBe('2026-12-03T10:00+01:00');
  });

  it('is achieved when the first reply comes exactly at the due time', () => {
    const facts = { ...wednesday, firstReplyAt: ams('2026-12-03 10:00').toString() };
    expect(statusAt(facts, '2026-12-05 12:00').state).toBe('achieved');
  });

  it('is breached when the first reply comes after the due time', () => {
    const facts = { ...wednesday, firstReplyAt: ams('2026-12-03 10:01').toString() };
    const status = statusAt(facts, '2026-12-05 12:00');
    expect(status.state).toBe('breached');
    expect(status.usedShare).toBeGreaterThan(1);
  });

  it('is breached once the due time passed without a reply', () => {
    expect(statusAt(wednesday, '2026-12-03 10:00').state).toBe('at-risk');
    expect(statusAt(wednesday, '2026-12-03 10:01').state).toBe('breached');
  });

  it('is at risk from exactly the threshold share of the target', () => {
    // 80 % of 24 hours is 19 h 12 min: Thursday 05:12.
    expect(statusAt(wednesday, '2026-12-03 05:11').state).toBe('pending');
    const atThreshold = statusAt(wednesday, '2026-12-03 05:12');
    expect(atThreshold.state).toBe('at-risk');
    expect(atThreshold.usedShare).toBe(0.8);
  });

  it('uses none of the target before the clock starts', () => {
    // Received Sunday night: the clock starts at Monday's opening, 08:00.
    const sunday = received('2026-12-06 22:00', normal);
    const status = statusAt(sunday, '2026-12-07 07:00');
    expect(status).toMatchObject({ state: 'pending', usedShare: 0 });
  });

  it('reports the time to first reply in calendar hours and in the target’s clock', () => {
    const facts = {
      ...received('2026-12-04 17:00', urgent),
      firstReplyAt: ams('2026-12-05 11:00').toString(),
    };
    // Friday 17:00–18:00 and Saturday 10:00–11:00 are open: 2 business hours of 18 real ones.
    expect(statusAt(facts, '2026-12-05 12:00').timeToFirstReply).toEqual({
      calendarHours: 18,
      targetClockHours: 2,
    });
  });
});

describe('a pause (waiting on the customer)', () => {
  it('moves a calendar target’s due time by the real time paused', () => {
    // Due Thursday 10:00; paused Wednesday 12:00–15:00, so due Thursday 13:00.
    const facts = received('2026-12-02 10:00', normal, { pausedMs: hours(3) });
    const status = statusAt(facts, '2026-12-03 12:00');
    expect(local(status.dueAt)).toBe('2026-12-03T13:00+01:00');
    expect(status.state).toBe('at-risk');
    const replied = { ...facts, firstReplyAt: ams('2026-12-03 12:30').toString() };
    expect(statusAt(replied, '2026-12-04 09:00').state).toBe('achieved');
  });

  it('moves a business target’s due time by the open time inside the pause', () => {
    // Urgent, received Friday 4 December 15:00: 3 open hours on Friday (until 18:00), the 4th on
    // Saturday 10:00–11:00, so quoted due Saturday 11:00.
    const facts = received('2026-12-04 15:00', urgent);
    expect(local(facts.firstReplyDueAt)).toBe('2026-12-05T11:00+01:00');
    // Paused Friday 17:00 until Monday 09:00: open inside the pause are Friday 17–18 (1 h),
    // Saturday 10–16 (6 h) and Monday 08–09 (1 h) = 8 business hours, not the 64 real ones.
    // 2 hours were used before the pause, 2 remain from Monday 09:00: due Monday 11:00.
    const resumed = { ...facts, pausedMs: hours(8) };
    const status = statusAt(resumed, '2026-12-07 09:30');
    expect(local(status.dueAt)).toBe('2026-12-07T11:00+01:00');
    expect(status.state).toBe('pending');
    expect(status.usedShare).toBe(0.625); // 2.5 of 4 hours
  });

  it('stops the clock while it lasts: paused, the share frozen, the due time moving', () => {
    const facts = received('2026-12-02 10:00', normal, {
      pausedSince: ams('2026-12-02 12:00').toString(),
    });
    const status = statusAt(facts, '2026-12-04 12:00');
    expect(status.state).toBe('paused');
    expect(status.usedShare).toBeCloseTo(2 / 24, 10);
    // 48 hours paused so far: due Thursday 10:00 + 48 h.
    expect(local(status.dueAt)).toBe('2026-12-05T10:00+01:00');
  });

  it('does not save a ticket that was already late when the pause began', () => {
    const facts = received('2026-12-02 10:00', normal, {
      pausedSince: ams('2026-12-03 11:00').toString(),
    });
    expect(statusAt(facts, '2026-12-04 12:00').state).toBe('breached');
  });
});

describe('a breach across a weekend and a public holiday', () => {
  it('counts no business time over Christmas 2026 and the Sunday after it', () => {
    // Urgent, received Thursday 24 December 2026 at 16:00. Thursday is open 09:00–18:00, so 2 of
    // the 4 business hours are used on Thursday. Friday 25 (Christmas Day) and Saturday 26
    // (Boxing Day) are Dutch public holidays, Sunday 27 is always closed; the remaining 2 hours
    // run from Monday 28 December 08:00, so the reply is due Monday 10:00 (+01:00, 09:00Z).
    const facts = received('2026-12-24 16:00', urgent);
    expect(facts.firstReplyDueAt).toBe('2026-12-28T09:00:00Z');
    // Over the holidays half the target is used and it stays so: not even at risk.
    expect(statusAt(facts, '2026-12-27 12:00')).toMatchObject({ state: 'pending', usedShare: 0.5 });
    expect(statusAt(facts, '2026-12-28 09:36').state).toBe('at-risk'); // 3.6 of 4 hours
    expect(statusAt(facts, '2026-12-28 10:00').state).toBe('at-risk');
    expect(statusAt(facts, '2026-12-28 10:01').state).toBe('breached');
  });

  it('starts a calendar target after Christmas when received on the evening of 24 December', () => {
    // Normal, received Thursday 24 December 2026 at 19:00, after closing (18:00). The next open
    // moment is Monday 28 December 08:00 (Christmas, Boxing Day and Sunday closed), and 24 real
    // hours from then is Tuesday 29 December 08:00 (07:00Z).
    const facts = received('2026-12-24 19:00', normal);
    expect(facts.firstReplyDueAt).toBe('2026-12-29T07:00:00Z');
    const late = { ...facts, firstReplyAt: ams('2026-12-29 08:30').toString() };
    expect(statusAt(late, '2026-12-30 12:00').state).toBe('breached');
  });

  it('skips Easter Sunday and Easter Monday 2027, across the change to summer time', () => {
    // Urgent, received Saturday 27 March 2027 at 15:00 (+01:00): 1 business hour on Saturday
    // (open until 16:00). Sunday 28 March is closed (and clocks go forward that night), Monday
    // 29 March is Easter Monday, a public holiday. Tuesday opens at 08:00 summer time (+02:00):
    // 3 more hours make it due Tuesday 30 March 11:00+02:00, which is 09:00Z.
    const facts = received('2027-03-27 15:00', urgent);
    expect(facts.firstReplyDueAt).toBe('2027-03-30T09:00:00Z');
    expect(statusAt(facts, '2027-03-29 12:00')).toMatchObject({
      state: 'pending',
      usedShare: 0.25,
    });
    const onTime = { ...facts, firstReplyAt: '2027-03-30T09:00:00Z' };
    expect(statusAt(onTime, '2027-03-31 12:00').state).toBe('achieved');
    expect(statusAt(facts, '2027-03-30 11:01').state).toBe('breached');
  });
});
