import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * The real service on a free loopback port, serving a given build, with a throwaway database and
 * no live release: what the evaluation and the benchmarks measure against.
 */
export async function startLocalService(dist: string): Promise<{ url: string; stop(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hc-local-'));
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
    child.on('exit', (code) => reject(new Error(`the service stopped (exit ${code}) before it listened:\n${output}`)));
  });
  return {
    url,
    stop() {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
