import { describe, expect, test } from 'vitest';
import { readServerEnv, serverEnvWarnings, ServerEnvError } from '../../../src/server/env.ts';

describe('server settings', () => {
  test('a wrong secret is named but never written out', () => {
    const read = () =>
      readServerEnv({
        HELPDESK_WEBHOOK_SECRET: 'short-s3cr3t',
        DELIVERY_WEBHOOK_URL: 'https://helpdesk.example/hooks',
        DELIVERY_WEBHOOK_SECRET: 'tiny-s3cr3t',
      });
    expect(read).toThrow(ServerEnvError);
    try {
      read();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(
        'HELPDESK_WEBHOOK_SECRET=(hidden): HELPDESK_WEBHOOK_SECRET must be at least 16 characters',
      );
      expect(message).toContain('DELIVERY_WEBHOOK_SECRET=(hidden)');
      expect(message).not.toContain('s3cr3t');
    }
  });

  test('the password inside a wrong URL is hidden, the rest quoted', () => {
    expect(() => readServerEnv({ SMTP_URL: 'smtp://mailer:hunter2@mail.example:port' })).toThrow(
      'SMTP_URL="smtp://mailer:(hidden)@mail.example:port"',
    );
  });

  test('other wrong values are quoted back to say what was read', () => {
    expect(() => readServerEnv({ PORT: 'eighty' })).toThrow('PORT="eighty"');
  });

  test('without SITE_URL, links point at this server’s own port in development', () => {
    expect(readServerEnv({ PORT: '4460' }).siteUrl).toBe('http://localhost:4460');
    expect(readServerEnv({}).siteUrl).toBe('http://localhost:4321');
    expect(readServerEnv({ PORT: '4460', SITE_URL: 'https://help.example.com' }).siteUrl).toBe(
      'https://help.example.com',
    );
  });

  test('production without SITE_URL starts with a warning that says what to set', () => {
    expect(serverEnvWarnings({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('SITE_URL is not set'),
    ]);
    expect(
      serverEnvWarnings({ NODE_ENV: 'production', SITE_URL: 'https://help.example.com' }),
    ).toEqual([]);
    expect(serverEnvWarnings({})).toEqual([]);
  });
});
