// The rate limits count a request once its body has arrived: uploads that trickle and are
// abandoned, or are still trickling, take no client's slot. Real sockets against the in-process
// app on a port, since only a real connection can be left half-sent.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { revisionOf } from '../../src/lib/revision.ts';
import { createApp } from '../../src/server/app.ts';
import { silentLogger, type Logger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { repoRoot, tempDir, ticket } from './helpers.ts';

const stores = openSqliteStores({ dataDir: tempDir('slow-uploads') });
const errors: unknown[] = [];
const log: Logger = { ...silentLogger, error: (_message, error) => errors.push(error) };
const app = createApp({
  stores,
  support: loadSupportConfig(),
  now: () => Temporal.Instant.fromEpochMilliseconds(Date.parse('2026-11-30T10:00:00Z')),
  clientAddress: (c) => c.req.header('x-test-client'),
  rateLimit: { max: 1, windowSeconds: 600 },
  eventRateLimit: { max: 1, windowSeconds: 60 },
  voteRateLimit: { max: 1, windowSeconds: 600 },
  log,
});
let server: Server;
let port: number;

beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const started: Server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    ) as Server;
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stores.close();
});

const sockets: Socket[] = [];

/** Opens a POST whose headers promise a whole body and sends only its first bytes. */
async function startUpload(path: string, client: string, body: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `X-Test-Client: ${client}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body.slice(0, 10),
  );
  return socket;
}

/** A few more bytes, the way a slow client sends them. */
async function trickle(socket: Socket, body: string, upTo: number): Promise<void> {
  for (let at = 10; at < upTo; at += 10) {
    socket.write(body.slice(at, Math.min(at + 10, upTo)));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets the server notice what the sockets did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

function post(path: string, client: string, body: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-Client': client },
    body,
  });
}

const ticketBody = JSON.stringify(ticket());
const eventBody = JSON.stringify({
  events: [
    {
      kind: 'contact-view',
      locale: 'en',
      visit: 'b3c1f2de-0000-4000-8000-000000000009',
    },
  ],
});

const voteBody = JSON.stringify({
  articleId: 'paying-for-lots',
  locale: 'en',
  revision: revisionOf(readFileSync(`${repoRoot}content/articles/en/paying-for-lots.mdx`, 'utf8')),
  helpful: true,
});

describe.each([
  ['tickets', '/api/tickets', ticketBody, 201],
  ['event batches', '/api/events', eventBody, 202],
  ['answers to "Was this helpful?"', '/api/votes', voteBody, 201],
])('the rate limit on %s', (_name, path, body, accepted) => {
  test('uploads abandoned half-way take no slot; the next whole request is accepted', async () => {
    const client = `abandoner-${path}`;
    for (let i = 0; i < 5; i++) {
      const socket = await startUpload(path, client, body);
      await trickle(socket, body, body.length - 5);
      socket.destroy();
    }
    await settle();
    expect((await post(path, client, body)).status).toBe(accepted);
  });

  test('uploads still trickling hold no slot while they last', async () => {
    const client = `trickler-${path}`;
    const slow = await Promise.all(
      Array.from({ length: 3 }, () => startUpload(path, client, body)),
    );
    await Promise.all(slow.map((socket) => trickle(socket, body, 40)));
    expect((await post(path, client, body)).status).toBe(accepted);
    for (const socket of slow) socket.destroy();
  });

  test('a whole request takes its slot: the one after it is refused with 429', async () => {
    const client = `finisher-${path}`;
    expect((await post(path, client, body)).status).toBe(accepted);
    const refused = await post(path, client, body);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('a slow upload that does arrive whole is counted like any other', async () => {
    const client = `slow-finisher-${path}`;
    const socket = await startUpload(path, client, body);
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    await trickle(socket, body, body.length);
    expect((await answer).split(' ')[1]).toBe(String(accepted));
    socket.destroy();
    expect((await post(path, client, body)).status).toBe(429);
  });
});

test('an abandoned upload is not logged as a failure on our side', async () => {
  await settle();
  for (const socket of sockets) socket.destroy();
  expect(errors).toEqual([]);
});
