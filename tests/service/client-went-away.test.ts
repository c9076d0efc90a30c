// A client that closes its connection halfway through its body, against the real server: one
// short line in the log, no stack, nothing reported as a failure on our side.
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { postJson, serverForThisFile, ticket } from './helpers.ts';

const server = serverForThisFile();

/** Sends the headers of a 1000-byte body, half of the body, then closes the connection. */
async function abandonUpload(path: string): Promise<void> {
  const { host, port } = new URL(server().url);
  const socket = connect(Number(port), host.split(':')[0] ?? '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const body = JSON.stringify(ticket({ message: 'x'.repeat(1000) })).slice(0, 1000);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 500)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
}

async function printed(pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 2000; waited += 20) {
    if (pattern.test(server().output())) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return server().output();
}

describe('a client that goes away before its request body arrived', () => {
  test('is logged as one line naming the request, without a stack or a failure', async () => {
    await abandonUpload('/api/tickets');
    const output = await printed(/client went away/);
    const lines = output.split('\n').filter((line) => /went away|failed|aborted/.test(line));
    expect(lines).toEqual(['client went away before its request body arrived: POST /api/tickets']);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/internal|Something went wrong/);
  });

  test('leaves the server answering the next client', async () => {
    await abandonUpload('/api/tickets');
    expect((await postJson(server(), ticket())).status).toBe(201);
  });
});
