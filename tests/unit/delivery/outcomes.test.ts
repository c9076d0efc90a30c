import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '../../../src/server/delivery/email-sender.ts';
import { classify } from '../../../src/server/delivery/webhook-sender.ts';
import { attemptTimeoutMs, deliveryTargetsOf } from '../../../src/server/delivery/start.ts';

describe('what a webhook answer means', () => {
  it('counts every 2xx as delivered', () => {
    for (const status of [200, 201, 202, 204])
      expect(classify(status, '').outcome).toBe('delivered');
  });

  it('retries timeouts, rate limits and server errors', () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(classify(status, 'busy').outcome).toBe('retry');
  });

  it('gives up at once on other client errors and on redirects, saying why', () => {
    for (const status of [400, 401, 403, 404, 410, 422])
      expect(classify(status, '').outcome).toBe('dead');
    const redirect = classify(301, '');
    expect(redirect).toMatchObject({ outcome: 'dead' });
    expect(redirect.outcome === 'dead' && redirect.error).toContain('DELIVERY_WEBHOOK_URL');
  });
});

describe('what an SMTP failure means', () => {
  it('retries a 4xx reply and a failed connection', () => {
    expect(classifySmtpError({ message: 'greylisted', responseCode: 451 }).outcome).toBe('retry');
    expect(classifySmtpError(new Error('connect ECONNREFUSED 127.0.0.1:2525')).outcome).toBe(
      'retry',
    );
  });

  it('gives up on a permanent 5xx reply', () => {
    expect(classifySmtpError({ message: 'no such mailbox', responseCode: 550 }).outcome).toBe(
      'dead',
    );
  });
});

describe('delivery settings', () => {
  it('delivers by email always and by webhook only when one is configured', () => {
    expect(deliveryTargetsOf({})).toEqual(['email']);
    expect(
      deliveryTargetsOf({ webhook: { url: 'https://x.test/', secret: 's'.repeat(16) } }),
    ).toEqual(['email', 'webhook']);
  });

  it('lets an attempt take half its lease, at most 30 seconds', () => {
    expect(attemptTimeoutMs(6)).toBe(3000);
    expect(attemptTimeoutMs(60)).toBe(30_000);
    expect(attemptTimeoutMs(3600)).toBe(30_000);
  });
});
