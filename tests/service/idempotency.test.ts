import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { postForm, postJson, readDatabase, serverForThisFile, ticket } from './helpers.ts';

const server = serverForThisFile();

const ticketsWithSubject = (subject: string) =>
  readDatabase(
    server().dataDir,
    (db) =>
      (
        db.prepare('SELECT count(*) AS n FROM tickets WHERE subject = ?').get(subject) as {
          n: number;
        }
      ).n,
  );

describe('retrying with an Idempotency-Key', () => {
  test('a retry with the same key and body returns the same ticket, marked as replayed', async () => {
    const key = randomUUID();
    const subject = `Retry ${key}`;
    const first = await postJson(server(), ticket({ subject }), { 'Idempotency-Key': key });
    const second = await postJson(server(), ticket({ subject }), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await second.text()).toBe(await first.text());
    expect(ticketsWithSubject(subject)).toBe(1);
  });

  test('a retry that differs only in surrounding whitespace is still the same request', async () => {
    const key = randomUUID();
    const subject = `Whitespace ${key}`;
    const first = await (
      await postJson(server(), ticket({ subject }), { 'Idempotency-Key': key })
    ).json();
    const again = await postJson(server(), ticket({ subject: `  ${subject}  ` }), {
      'Idempotency-Key': key,
    });
    expect(again.status).toBe(201);
    expect((await again.json()).reference).toBe(first.reference);
  });

  test('the same key with a different body is refused with 422 and stores nothing', async () => {
    const key = randomUUID();
    const subject = `Original ${key}`;
    await postJson(server(), ticket({ subject }), { 'Idempotency-Key': key });
    const other = await postJson(server(), ticket({ subject: `Changed ${key}` }), {
      'Idempotency-Key': key,
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    const problem = await other.json();
    expect(problem.type).toBe('/problems/idempotency-key-reused');
    expect(problem.detail).toMatch(/new key/);
    expect(ticketsWithSubject(`Changed ${key}`)).toBe(0);
  });

  test('twenty concurrent duplicates create exactly one ticket', async () => {
    const key = randomUUID();
    const subject = `Concurrent ${key}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postJson(server(), ticket({ subject }), { 'Idempotency-Key': key }),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies.map((body) => body.reference)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      19,
    );
    expect(ticketsWithSubject(subject)).toBe(1);
  });

  test('a form resubmitted with its hidden idempotencyKey field redirects to the same ticket', async () => {
    const key = randomUUID();
    const fields = [
      ...Object.entries(ticket({ subject: `Form ${key}` })).map(
        ([k, v]) => [k, String(v)] as [string, string],
      ),
      ['idempotencyKey', key] as [string, string],
    ];
    const first = await postForm(server(), fields);
    const second = await postForm(server(), fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(ticketsWithSubject(`Form ${key}`)).toBe(1);
  });

  test('without a key, two identical posts are two tickets', async () => {
    const subject = `No key ${randomUUID()}`;
    await postJson(server(), ticket({ subject }));
    await postJson(server(), ticket({ subject }));
    expect(ticketsWithSubject(subject)).toBe(2);
  });
});
