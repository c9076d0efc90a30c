import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { loadSupportConfig } from '../../../src/server/support/load.ts';
import { hoursFor, quoteFirstReply } from '../../../src/server/support/quote.ts';

const config = loadSupportConfig();

/** The instant of a local time in Amsterdam, where every default team works. */
const ams = (local: string) =>
  Temporal.PlainDateTime.from(local.replace(' ', 'T'))
    .toZonedDateTime('Europe/Amsterdam')
    .toInstant();

describe('first-reply quotes with the shipped configuration', () => {
  it('quotes a normal request sent on Sunday 22:00 from Monday 08:00 to Tuesday 08:00', () => {
    expect(
      quoteFirstReply(config, {
        locale: 'en',
        priority: 'normal',
        receivedAt: ams('2026-11-29 22:00'),
      }),
    ).toEqual({
      team: 'email-en',
      timeZone: 'Europe/Amsterdam',
      priority: 'normal',
      firstReply: {
        dueAt: '2026-12-01T07:00:00Z',
        hours: 24,
        clock: 'calendar',
        startsAt: '2026-11-30T07:00:00Z',
      },
      openNow: false,
      nextOpenAt: '2026-11-30T07:00:00Z',
    });
  });

  it('starts the clock on receipt when the team is open', () => {
    const quote = quoteFirstReply(config, {
      locale: 'nl',
      priority: 'normal',
      receivedAt: ams('2026-11-25 10:00'),
    });
    expect(quote.team).toBe('email-nl');
    expect(quote.firstReply.startsAt).toBe('2026-11-25T09:00:00Z');
    expect(quote.firstReply.dueAt).toBe('2026-11-26T09:00:00Z');
    expect(quote.openNow).toBe(true);
    expect(quote.nextOpenAt).toBeNull();
  });

  it('keeps 24 real hours across the spring change: Saturday 12:00 is due Sunday 13:00 summer time', () => {
    const quote = quoteFirstReply(config, {
      locale: 'de',
      priority: 'normal',
      receivedAt: ams('2026-03-28 12:00'),
    });
    expect(quote.firstReply.startsAt).toBe('2026-03-28T11:00:00Z');
    expect(quote.firstReply.dueAt).toBe('2026-03-29T11:00:00Z');
  });

  it('quotes an urgent request on Friday 17:00 as due Saturday 13:00 (4 business hours)', () => {
    const quote = quoteFirstReply(config, {
      locale: 'fr',
      priority: 'urgent',
      receivedAt: ams('2026-11-27 17:00'),
    });
    expect(quote.firstReply).toEqual({
      dueAt: '2026-11-28T12:00:00Z',
      hours: 4,
      clock: 'business',
      startsAt: '2026-11-27T16:00:00Z',
    });
  });

  it('starts an urgent request received on King’s Day at Tuesday’s opening', () => {
    const quote = quoteFirstReply(config, {
      locale: 'ko',
      priority: 'urgent',
      receivedAt: ams('2026-04-27 11:00'),
    });
    expect(quote.team).toBe('email-ko');
    expect(quote.openNow).toBe(false);
    expect(quote.nextOpenAt).toBe('2026-04-28T06:00:00Z');
    expect(quote.firstReply.dueAt).toBe('2026-04-28T10:00:00Z');
  });

  it('treats a request received at 18:00 sharp as received after hours', () => {
    const quote = quoteFirstReply(config, {
      locale: 'es',
      priority: 'urgent',
      receivedAt: ams('2026-11-25 18:00'),
    });
    expect(quote.openNow).toBe(false);
    expect(quote.firstReply.startsAt).toBe('2026-11-26T08:00:00Z');
    expect(quote.firstReply.dueAt).toBe('2026-11-26T12:00:00Z');
  });
});

describe('opening hours per locale', () => {
  it('shows only the email team for Russian, which has no phone line', () => {
    const hours = hoursFor(config, 'ru', ams('2026-11-30 12:00'));
    expect(hours).toEqual({
      locale: 'ru',
      timeZone: 'Europe/Amsterdam',
      channels: [
        {
          channel: 'email',
          team: 'email-ru',
          openNow: true,
          today: [{ start: '08:00', end: '20:00' }],
          closesAt: '2026-11-30T19:00:00Z',
          nextOpenAt: null,
        },
      ],
    });
  });

  it('shows email open and phone not yet open for German on Monday 08:30', () => {
    const [email, phone] = hoursFor(config, 'de', ams('2026-11-30 08:30')).channels;
    expect(email).toMatchObject({ channel: 'email', team: 'email-de', openNow: true });
    expect(phone).toEqual({
      channel: 'phone',
      team: 'phone-de',
      openNow: false,
      today: [{ start: '09:00', end: '17:00' }],
      closesAt: null,
      nextOpenAt: '2026-11-30T08:00:00Z',
    });
  });

  it('shows the phone line closed after 14:00 on Saturday while email is open until 16:00', () => {
    const [email, phone] = hoursFor(config, 'de', ams('2026-11-28 15:00')).channels;
    expect(email?.closesAt).toBe('2026-11-28T15:00:00Z');
    expect(phone?.today).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(phone?.openNow).toBe(false);
    expect(phone?.nextOpenAt).toBe('2026-11-30T08:00:00Z');
  });

  it('shows no hours today on a public holiday', () => {
    const hours = hoursFor(config, 'nl', ams('2026-12-25 12:00'));
    expect(hours.channels.map((channel) => channel.today)).toEqual([[], []]);
    expect(hours.channels.map((channel) => channel.nextOpenAt)).toEqual([
      '2026-12-28T07:00:00Z',
      '2026-12-28T08:00:00Z',
    ]);
  });
});
