import { describe, expect, test } from 'vitest';
import {
  postJson,
  readDatabase,
  removeDir,
  startServer,
  ticket,
  type TestServer,
} from './helpers.ts';

/** Posts tickets with `concurrency` workers until stopped; collects every acknowledged reference. */
function load(server: TestServer, concurrency: number) {
  const acknowledged: string[] = [];
  let running = true;
  let sent = 0;
  const worker = async () => {
    while (running) {
      sent++;
      try {
        const response = await postJson(server, ticket({ subject: `Crash load ${sent}` }));
        if (response.status === 201) acknowledged.push((await response.json()).reference);
      } catch {
        // The server died mid-request: that ticket was never acknowledged, so nothing is owed.
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('a crash under load', () => {
  test('every ticket acknowledged with 201 before SIGKILL is there after a restart', async () => {
    const server = await startServer();
    const traffic = load(server, 8);
    // Kill once a good number of tickets are through, while requests are still in flight.
    const deadline = Date.now() + 5000;
    while (traffic.acknowledged.length < 150 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.stop('SIGKILL');
    await traffic.stop();
    const acknowledged = [...traffic.acknowledged];
    expect(acknowledged.length).toBeGreaterThan(20);

    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      const stored = new Set(
        readDatabase(restarted.dataDir, (db) =>
          db
            .prepare('SELECT reference FROM tickets')
            .all()
            .map((row) => row.reference as string),
        ),
      );
      const missing = acknowledged.filter((reference) => !stored.has(reference));
      expect(missing).toEqual([]);
      const sample = acknowledged.at(-1) ?? '';
      expect((await fetch(`${restarted.url}/api/tickets/${sample}`)).status).toBe(200);
    } finally {
      await restarted.stop();
      removeDir(restarted.dataDir);
    }
  });
});
