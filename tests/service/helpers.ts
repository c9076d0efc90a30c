/**
 * Spawns the real server (`node scripts/serve.ts`) on a free port with its own temp DATA_DIR and
 * talks HTTP to it, the way production runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface TestServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** Default: an empty temp folder (no build). */
  distDir?: string;
  /** A command the server runs under, such as setpriv to run it as another user. */
  runUnder?: string[];
}

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
// Registered when a test file imports this module, so it runs after the file's own hooks.
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp dir, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hb-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Spawns the server and resolves once it printed its URL; rejects with its output if it exits. */
/**
 * One real server for all tests of a file, started before them and stopped (its data folder
 * removed) after them. Call the returned function inside a test to reach it.
 */
export function serverForThisFile(options: StartOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    if (!server) return;
    await server.stop();
    removeDir(server.dataDir);
  });
  return () => {
    if (!server) throw new Error('the test server is not running: use it inside a test');
    return server;
  };
}

export function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir('data');
  const [command, ...args] = serverCommand(options.runUnder);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: options.distDir ?? tempDir('nodist'),
      TICKET_RATE_LIMIT_MAX: '10000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Help centre running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          dataDir,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}

/** `node scripts/serve.ts`, under the given command when there is one. */
function serverCommand(runUnder: string[] = []): [string, ...string[]] {
  const [first = process.execPath, ...rest] = [...runUnder, process.execPath, 'scripts/serve.ts'];
  return [first, ...rest];
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function runUntilExit(
  env: Record<string, string>,
  options: Pick<StartOptions, 'runUnder'> = {},
): Promise<{ code: number | null; output: string }> {
  const [command, ...args] = serverCommand(options.runUnder);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir('data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, output });
    }),
  );
}

/** A valid ticket; override fields per test. */
export function ticket(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: 'en',
    email: 'anna@example.com',
    name: 'Anna de Vries',
    role: 'buyer',
    topic: 'payment',
    subject: 'My card payment failed twice',
    message: 'I tried to pay for lot 1234 with my Visa card but it failed twice.',
    ...overrides,
  };
}

export function postJson(
  server: TestServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postForm(
  server: TestServer,
  fields: Array<[string, string]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Opens the server's database file read-only, for checks the API does not expose. */
export function readDatabase<T>(dataDir: string, query: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(dataDir, 'tickets.sqlite'), { readOnly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** Writes a small fake build: { 'en/index.html': '…' } relative to a new temp folder. */
export function fakeBuild(files: Record<string, string>): string {
  const dir = tempDir('dist');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
