import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * The real service on a free loopback port, serving a given build, with a throwaway database and
 * no live release: what the evaluation and the benchmarks measure against. `dataDir` shares one
 * database between instances (then it is the caller's to remove); `env` adds settings.
 */
export async function startLocalService(
  dist: string,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<{ url: string; child: ChildProcess; startedInMs: number; stop(): void }> {
  const ownData = options.dataDir === undefined;
  const spawned = performance.now();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hc-local-'));
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: dist,
      RELEASES_DIR: join(dataDir, 'releases'),
      TICKET_RATE_LIMIT_MAX: '10000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise(match[1]!.replace(/\/$/, ''));
    });
    child.on('exit', (code) =>
      reject(new Error(`the service stopped (exit ${code}) before it listened:\n${output}`)),
    );
  });
  return {
    url,
    child,
    /** From spawning Node to the service saying it listens. */
    startedInMs: performance.now() - spawned,
    stop() {
      child.kill();
      if (ownData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
