import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerEnv } from '../../src/server/env.ts';
import { silentLogger } from '../../src/server/log.ts';
import { startNodeServer, type RunningServer } from '../../src/server/node.ts';
import { releaseRegistry, takeReleaseLock } from '../../src/server/releases/registry.ts';
import { startReleaseScheduler } from '../../src/server/releases/scheduler.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { ReleaseManifest } from '../../src/releases/manifest.ts';
import { folderFingerprint } from './agents-helpers.ts';
import { repoRoot, tempDir } from './helpers.ts';

// Releases must live inside the project (the agents' pages load packages from node_modules).
const releasesDir = join(repoRoot, '.test-releases', `run-${process.pid}`);
const contentDir = join(tempDir('release-content'), 'content');
const dataDir = tempDir('release-data');
const registry = releaseRegistry(releasesDir);
let server: RunningServer;

const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Lena Lead', '-c', 'user.email=lena@hammerbid.test', ...args],
    { cwd: contentDir },
  ).toString();

function release(args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['scripts/release.ts', '--no-accessibility', '--as', 'Test Lead', ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          CONTENT_DIR: contentDir,
          RELEASES_DIR: releasesDir,
          DATA_DIR: dataDir,
          RELEASES_KEEP: '3',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** What the live site answers for a few pages, byte for byte. */
async function liveBytes(): Promise<string[]> {
  const paths = [
    '/en/',
    '/en/articles/payouts/',
    '/ko/articles/payment-methods/',
    '/pagefind/pagefind-entry.json',
    '/suggest/en.json',
  ];
  return Promise.all(
    paths.map(
      async (path) =>
        `${path} ${(await (await fetch(server.url + path)).text()).length} ${await (await fetch(server.url + path)).text()}`,
    ),
  );
}

beforeAll(async () => {
  cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'content as it was');
  mkdirSync(releasesDir, { recursive: true });
  server = await startNodeServer({
    ...readServerEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CONTENT_DIR: contentDir,
      RELEASES_DIR: releasesDir,
      DIST_DIR: tempDir('no-dist'),
    }),
    log: silentLogger,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(releasesDir, { recursive: true, force: true });
});

describe('npm run release', () => {
  it(
    'checks, builds both sites, and switches live in one step; the server follows without a restart',
    { timeout: 180_000 },
    async () => {
      expect((await fetch(`${server.url}/en/`)).status).toBe(503); // nothing built, nothing released yet
      const { code, output } = await release();
      expect(code, output).toBe(0);
      const live = registry.current()!;
      expect(live).toMatch(/^\d{8}-\d{6}-[0-9a-f]{7}$/);
      const manifest = registry.manifest(live)!;
      expect(manifest.commit).toBe(git('rev-parse', 'HEAD').trim());
      expect(manifest.createdBy).toBe('Test Lead');
      expect(manifest.checks.map((c) => [c.name, c.status])).toEqual([
        ['content', 'passed'],
        ['links', 'passed'],
        ['canary', 'passed'],
        ['drift', 'passed'],
        ['freshness', expect.stringMatching(/passed|warning/)],
        ['accessibility', 'skipped'],
      ]);
      expect(existsSync(join(registry.path(live), 'agents', 'server', 'entry.mjs'))).toBe(true);
      const page = await (await fetch(`${server.url}/en/articles/payouts/`)).text();
      expect(page).toContain('<h1>');
      expect(registry.history().at(-1)).toMatchObject({
        action: 'published',
        to: live,
        actor: 'Test Lead',
      });
    },
  );

  it(
    'stops at the checks on a broken link and on internal text in a public page; the live site stays byte for byte',
    { timeout: 180_000 },
    async () => {
      const live = registry.current()!;
      const before = await liveBytes();
      const folder = folderFingerprint(registry.path(live));
      const payouts = join(contentDir, 'articles', 'en', 'payouts.mdx');
      writeFileSync(
        payouts,
        `${readFileSync(payouts, 'utf8')}\nSee [the old page](../no-such-article/) and INTERNAL-ONLY-MARKER.\n`,
      );
      git('commit', '-qam', 'a broken link and a leak');
      const { code, output } = await release();
      expect(code).toBe(1);
      expect(output).toMatch(
        /✖ checks: links: 2 broken link\(s\).*canary: internal content in \d+ public file\(s\)/,
      );
      expect(output).toMatch(
        / \/en\/articles\/payouts\/index\.html: link to \.\.\/no-such-article\/ goes nowhere/,
      );
      expect(output).toMatch(
        / \/agents\/en\/articles\/payouts\/index\.html: link to \.\.\/no-such-article\/ goes nowhere/,
      );
      expect(output).toMatch(/contains "INTERNAL-ONLY-MARKER"/);
      expect(output).toContain('The live site is unchanged.');
      expect(registry.current()).toBe(live);
      expect(await liveBytes()).toEqual(before);
      expect(folderFingerprint(registry.path(live))).toBe(folder);
      expect(readdirSync(releasesDir).filter((name) => name.startsWith('.partial-'))).toEqual([]);
      git('revert', '--no-edit', 'HEAD');
    },
  );

  it(
    'survives SIGKILL half way: the live site stays byte for byte, and the next release takes over the lock',
    { timeout: 120_000 },
    async () => {
      const live = registry.current()!;
      const before = await liveBytes();
      const child = spawn(
        process.execPath,
        ['scripts/release.ts', '--json', '--no-accessibility'],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            CONTENT_DIR: contentDir,
            RELEASES_DIR: releasesDir,
            DATA_DIR: dataDir,
          },
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('"stage":"public","status":"start"')) resolve();
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 1500)); // well into the build
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(registry.current()).toBe(live);
      expect(await liveBytes()).toEqual(before);
      expect(readdirSync(releasesDir).some((name) => name.startsWith('.partial-'))).toBe(true);
      const lock = takeReleaseLock(releasesDir, 'the next release');
      expect('release' in lock).toBe(true);
      if ('release' in lock) lock.release();
      expect(registry.sweepPartials().length).toBe(1);
    },
  );
});

describe('rollback and schedules', () => {
  /** A second release made from the first one's folder, as a release run would leave it. */
  function copyOf(live: string, id: string, scheduledFor: string | null): string {
    cpSync(registry.path(live), registry.path(id), { recursive: true });
    const manifest = JSON.parse(
      readFileSync(join(registry.path(id), 'manifest.json'), 'utf8'),
    ) as ReleaseManifest;
    writeFileSync(
      join(registry.path(id), 'manifest.json'),
      JSON.stringify({ ...manifest, id, scheduledFor, previous: live }),
    );
    return id;
  }

  it('rolls back in under a second with one command, recorded in the history', async () => {
    const first = registry.current()!;
    const second = copyOf(first, '20991231-235900-abcdef1', null);
    registry.switchTo(second);
    registry.record({
      at: new Date().toISOString(),
      actor: 'test',
      action: 'published',
      from: first,
      to: second,
    });
    const started = performance.now();
    const { code, output } = await release(['rollback']);
    expect(code, output).toBe(0);
    expect(output).toMatch(new RegExp(`rolled back: ${second} → ${first} in [0-9.]+ ms`));
    expect(performance.now() - started).toBeLessThan(10_000); // the whole command; the switch itself is printed
    expect(registry.current()).toBe(first);
    expect(registry.history().at(-1)).toMatchObject({
      action: 'rolled-back',
      from: second,
      to: first,
    });
  });

  it('switches a scheduled release at its time after checking it again, and fails closed when a check fails', async () => {
    const live = registry.current()!;
    const stores = openSqliteStores({ dataDir: tempDir('scheduler-data') });
    let now = new Date('2099-01-01T07:59:00Z');
    const scheduler = startReleaseScheduler({
      registry,
      contentDir,
      stores,
      log: silentLogger,
      now: () => now,
      intervalMs: 3_600_000,
    });
    const good = copyOf(live, '20990101-070000-1111111', '2099-01-01T08:00:00.000Z');
    const broken = copyOf(live, '20990101-070100-2222222', '2099-01-01T08:30:00.000Z');
    writeFileSync(
      join(registry.path(broken), 'public', 'en', 'index.html'),
      '<a href="/en/nowhere/">x</a> INTERNAL-ONLY-MARKER',
    );

    await scheduler.tick();
    expect(registry.current()).toBe(live); // not yet its time
    now = new Date('2099-01-01T08:00:05Z');
    await scheduler.tick();
    expect(registry.current()).toBe(good);
    now = new Date('2099-01-01T08:31:00Z');
    await scheduler.tick();
    expect(registry.current()).toBe(good);
    expect(registry.history().at(-1)).toMatchObject({
      action: 'failed',
      to: broken,
      detail: expect.stringMatching(/^schedule: not switched: canary/),
    });
    scheduler.stop();
    await stores.close();
  });

  it('keeps the previous release’s fingerprinted files reachable after a switch, so a search opened before it keeps working', async () => {
    const before = registry.current()!;
    const fragments = join(registry.path(before), 'public', 'pagefind', 'fragment');
    const fragment = readdirSync(fragments)[0]!;
    const next = copyOf(before, '20991231-235800-fedcba9', null);
    rmSync(join(registry.path(next), 'public', 'pagefind', 'fragment', fragment));
    registry.switchTo(next);
    registry.record({
      at: new Date().toISOString(),
      actor: 'test',
      action: 'published',
      from: before,
      to: next,
    });
    const old = await fetch(`${server.url}/pagefind/fragment/${fragment}`);
    expect(old.status).toBe(200);
    expect(
      Buffer.from(await old.arrayBuffer()).equals(readFileSync(join(fragments, fragment))),
    ).toBe(true);
    expect((await fetch(`${server.url}/pagefind/fragment/never-was.pf_fragment`)).status).toBe(404);
  });
});
