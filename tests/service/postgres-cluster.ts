/**
 * A throwaway PostgreSQL server for the store contract tests: initdb and pg_ctl on a temporary
 * directory and a free port on loopback, stopped at the end. TEST_DATABASE_URL (a server you
 * run yourself) skips all of it. PostgreSQL refuses to run as root, so as root the server runs as
 * `nobody` (setpriv); when the server binaries are missing, root installs Debian's `postgresql`
 * with apt-get, and anyone else is told what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningPostgres {
  /** postgres://… of a fresh, empty database on the server. */
  url: string;
  stop(): Promise<void>;
  /** Only on a server of its own (`ownServer`): shut it down and start it again, data kept. */
  shutDown?(): void;
  startAgain?(): void;
}

const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;

/**
 * Starts a server (or uses TEST_DATABASE_URL) and creates an empty database named `name`.
 * `ownServer` always starts one, for tests that shut the server down under the service.
 */
export async function startPostgres(
  name: string,
  options: { ownServer?: boolean } = {},
): Promise<RunningPostgres> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given && !options.ownServer)
    return { url: await createDatabase(given, name), stop: async () => {} };
  const bin = serverBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'hc-postgres-'));
  const data = join(dir, 'data');
  if (isRoot) {
    chownSync(dir, NOBODY.uid, NOBODY.gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const startServer = () =>
    run(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  const shutDown = () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  startServer();
  const server = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url: await createDatabase(server, name),
    shutDown,
    startAgain: startServer,
    stop: async () => {
      shutDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const database = `${name}_${process.pid}_${Date.now().toString(36)}`.replace(/\W/g, '_');
    await client.query(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.href;
  } finally {
    await client.end();
  }
}

/** Runs a server binary, as `nobody` when we are root. */
function run(command: string, args: string[]): void {
  const [file, fullArgs] = isRoot
    ? [
        'setpriv',
        [
          '--reuid',
          String(NOBODY.uid),
          '--regid',
          String(NOBODY.gid),
          '--clear-groups',
          command,
          ...args,
        ],
      ]
    : [command, args];
  const result = spawnSync(file, fullArgs as string[], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command.split('/').pop()} failed (exit ${result.status}):\n${result.stderr || result.stdout}`,
    );
  }
}

/** The newest /usr/lib/postgresql/<version>/bin, installing Debian's package first if we may. */
function serverBinaries(): string {
  const found = newestServer();
  if (found) return found;
  if (isRoot) {
    console.log(
      'PostgreSQL server binaries are missing: installing Debian’s postgresql with apt-get…',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    const installed = newestServer();
    if (installed) return installed;
  }
  throw new Error(
    'The store tests need PostgreSQL’s server binaries (initdb, pg_ctl) under ' +
      '/usr/lib/postgresql/<version>/bin: run `sudo apt-get install postgresql`, or set ' +
      'TEST_DATABASE_URL to a server you run (postgres://user:password@host:5432/db).',
  );
}

function newestServer(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
