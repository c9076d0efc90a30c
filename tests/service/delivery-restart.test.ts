/**
 * Ticket delivery in the real service process (`node scripts/serve.ts`): killed in the middle of
 * delivering and started again on the same data, every ticket still reaches the team, by email and
 * by webhook, and a repeat carries the key of the first attempt.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { verifySignature, signatureHeader } from '../../src/server/webhooks/signature.ts';
import { startSmtpSink, type ReceivedMail } from '../fixtures/smtp-sink.ts';
import { startWebhookReceiver, type ReceivedRequest } from '../fixtures/webhook-receiver.ts';
import { postJson, readDatabase, removeDir, runUntilExit, startServer, ticket } from './helpers.ts';

const secret = 'restart-test-secret-0123456789';
const tickets = 30;

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const referenceOfRequest = (request: ReceivedRequest) =>
  (JSON.parse(request.body) as { ticket: { reference: string } }).ticket.reference;
const referenceOfMail = (mail: ReceivedMail) => mail.headers['x-hammerbid-ticket'] ?? '';

/** Every key seen per reference: a repeat with another key would make a set of two. */
function keysPerReference<T>(items: T[], reference: (item: T) => string, key: (item: T) => string) {
  const keys = new Map<string, Set<string>>();
  for (const item of items) {
    const seen = keys.get(reference(item)) ?? new Set<string>();
    seen.add(key(item));
    keys.set(reference(item), seen);
  }
  return keys;
}

describe('delivery across a crash', () => {
  test('every ticket arrives by email and by webhook at least once, repeats with the same key', async () => {
    const sink = await startSmtpSink();
    const hook = await startWebhookReceiver();
    cleanups.push(
      () => sink.close(),
      () => hook.close(),
    );
    // Slow enough that the kill lands while requests are in flight, well inside the 2 s an
    // attempt may take with a 4 s lease.
    hook.delayMs = 1000;
    const env = {
      SMTP_URL: sink.url,
      DELIVERY_WEBHOOK_URL: hook.url,
      DELIVERY_WEBHOOK_SECRET: secret,
      DELIVERY_LEASE_SECONDS: '4',
      SITE_URL: 'https://help.hammerbid.test',
    };
    const server = await startServer({ env });
    const references: string[] = [];
    await Promise.all(
      Array.from({ length: tickets }, async (_, index) => {
        const response = await postJson(server, ticket({ subject: `Crash delivery ${index}` }));
        expect(response.status).toBe(201);
        references.push(((await response.json()) as { reference: string }).reference);
      }),
    );

    // Kill once some webhooks are in flight (arrived, not yet answered) and most are still to go.
    await until(() => hook.requests.length >= 8, 15_000, '8 webhook requests');
    expect(await server.stop('SIGKILL')).toBeNull();
    const beforeCrash = { webhooks: hook.requests.length, mails: sink.messages.length };
    expect(beforeCrash.webhooks).toBeLessThan(tickets);

    hook.delayMs = 0;
    const restarted = await startServer({ env, dataDir: server.dataDir });
    cleanups.push(async () => {
      await restarted.stop();
      removeDir(restarted.dataDir);
    });
    const arrived = () => ({
      webhooks: new Set(hook.requests.map(referenceOfRequest)),
      mails: new Set(sink.messages.map(referenceOfMail)),
    });
    await until(
      () => references.every((ref) => arrived().webhooks.has(ref) && arrived().mails.has(ref)),
      30_000,
      'every ticket by email and webhook',
    );

    // Every ticket reached the team's address by email, and the webhook, signed.
    expect(sink.messages.every((mail) => mail.to.includes('support-en@hammerbid.example'))).toBe(
      true,
    );
    for (const request of hook.requests) {
      const check = verifySignature(
        secret,
        request.headers[signatureHeader.toLowerCase()] as string,
        request.body,
        Math.floor(Date.now() / 1000),
      );
      expect(check.ok).toBe(true);
    }
    // Repeats carry the key of the first attempt: one key per ticket and target.
    const webhookKeys = keysPerReference(
      hook.requests,
      referenceOfRequest,
      (request) => request.headers['idempotency-key'] as string,
    );
    const mailKeys = keysPerReference(sink.messages, referenceOfMail, (mail) => mail.messageId);
    expect([...webhookKeys.values()].every((keys) => keys.size === 1)).toBe(true);
    expect([...mailKeys.values()].every((keys) => keys.size === 1)).toBe(true);
    // The webhooks in flight at the kill were sent again: the crash path was taken.
    expect(hook.requests.length).toBeGreaterThan(tickets);

    // The outbox agrees: every row delivered once the repeats were answered.
    await until(
      () =>
        readDatabase(restarted.dataDir, (db) =>
          db.prepare("SELECT count(*) AS n FROM deliveries WHERE state = 'delivered'").get(),
        )?.n ===
        tickets * 2,
      10_000,
      'every delivery recorded as delivered',
    );
  }, 90_000);
});

describe('delivery settings at start', () => {
  test('without SMTP_URL it says once that email delivery is off and keeps tickets waiting', async () => {
    const server = await startServer();
    cleanups.push(async () => {
      await server.stop();
      removeDir(server.dataDir);
    });
    for (let i = 0; i < 2; i++) expect((await postJson(server, ticket())).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.output().match(/ticket email delivery is off \(no SMTP_URL\)/g)).toHaveLength(1);
    expect(server.output()).not.toContain('My card payment failed twice');
    const waiting = readDatabase(server.dataDir, (db) =>
      db.prepare('SELECT state, count(*) AS n FROM deliveries GROUP BY state').all(),
    );
    expect(waiting).toEqual([{ state: 'pending', n: 2 }]);
  });

  test('refuses to start with a webhook URL but no secret, naming the variable', async () => {
    const { code, output } = await runUntilExit({
      DELIVERY_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
    });
    expect(code).toBe(1);
    expect(output).toContain('DELIVERY_WEBHOOK_SECRET');
    expect(output).toContain('needed when DELIVERY_WEBHOOK_URL is set');
  });
});
