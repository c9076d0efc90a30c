// Releases of the help centre (see README.md, "Releases"):
//   npm run release                     check, build both sites, switch live, prune old releases
//   npm run release -- --at 2026-12-01T08:00:00+01:00
//                                       build and check now, go live at that time (the running
//                                       service switches it after checking it again)
//   npm run release -- rollback [--to <id>]   back to the previous release (or that one)
//   npm run release -- list             releases kept, the live one marked, and the history
// Options: --as "Name" (who, for the history; default the git user), --json (progress as JSON
// lines, for the service), --no-accessibility. Settings: CONTENT_DIR, RELEASES_DIR (./releases),
// RELEASES_KEEP (5), DATA_DIR (./data: verifications read, published proposals marked).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { releaseRegistry } from '../src/server/releases/registry.ts';
import { rollback } from '../src/server/releases/rollback.ts';
import { runRelease, type ProgressEvent } from '../src/server/releases/runner.ts';
import { releaseSettings } from '../src/server/releases/settings.ts';
import { openSqliteStores } from '../src/server/store/sqlite/index.ts';
import { openPostgresStores } from '../src/server/store/postgres/index.ts';

const projectDir = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    at: { type: 'string' },
    to: { type: 'string' },
    as: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-accessibility': { type: 'boolean', default: false },
  },
});
const command = positionals[0] ?? 'publish';
let settings;
try {
  settings = releaseSettings(process.env, projectDir);
} catch (error) {
  fail((error as Error).message);
}
const contentDir = resolve(process.env['CONTENT_DIR'] || join(projectDir, 'content'));
const dataDir = resolve(process.env['DATA_DIR'] || join(projectDir, 'data'));
const actor = values.as ?? gitUser() ?? process.env['USER'] ?? 'command line';
const registry = releaseRegistry(settings.releasesDir);

if (command === 'list') {
  const live = registry.current();
  const releases = registry.list();
  if (releases.length === 0) console.log(`no releases yet in ${registry.dir}; run npm run release`);
  for (const m of releases)
    console.log(
      `${m.id === live ? '●' : ' '} ${m.id}  ${m.createdAt.slice(0, 16)}  by ${m.createdBy}  ${m.proposals.length} proposal(s)${m.scheduledFor ? `  scheduled for ${m.scheduledFor}` : ''}`,
    );
  console.log('\nhistory:');
  for (const line of registry.history().slice(-15))
    console.log(
      `  ${line.at.slice(0, 19)} ${line.action.padEnd(20)} ${line.from ?? '—'} → ${line.to ?? '—'} (${line.actor})${line.detail ? ` ${line.detail.slice(0, 120)}` : ''}`,
    );
} else if (command === 'rollback') {
  const result = rollback(registry, actor, values.to);
  if (!result.ok) fail(result.message);
  console.log(
    `rolled back: ${result.from ?? 'nothing'} → ${result.to} in ${result.ms.toFixed(2)} ms`,
  );
} else if (command === 'publish') {
  if (values.at && Number.isNaN(Date.parse(values.at)))
    fail(`--at ${values.at} is not a time; write it like 2026-12-01T08:00:00+01:00`);
  const databaseUrl = process.env['DATABASE_URL']?.trim();
  const stores = databaseUrl
    ? await openPostgresStores({ url: databaseUrl })
    : existsSync(dataDir)
      ? openSqliteStores({ dataDir })
      : undefined;
  const verifications = stores ? await stores.verifications.latest() : [];
  const started = performance.now();
  const outcome = await runRelease({
    projectDir,
    contentDir,
    releasesDir: settings.releasesDir,
    keep: settings.keep,
    actor: { id: 'cli', name: actor },
    verifications,
    scheduledFor: values.at ? new Date(values.at).toISOString() : null,
    accessibility: !values['no-accessibility'],
    onProgress: values.json ? (event) => console.log(JSON.stringify(event)) : bar,
  });
  if (outcome.ok && outcome.live && stores)
    await stores.proposals.markPublished(outcome.manifest.proposals, outcome.manifest.id, {
      actor: 'release',
      at: new Date().toISOString(),
    });
  await stores?.close();
  if (!values.json) process.stdout.write('\n');
  if (!outcome.ok) {
    if (values.json)
      console.log(
        JSON.stringify({
          stage: outcome.stage,
          status: 'failed',
          message: outcome.message,
          problems: outcome.problems,
        }),
      );
    else {
      console.error(`✖ ${outcome.stage}: ${outcome.message}`);
      for (const problem of outcome.problems.slice(0, 40)) console.error(`  - ${problem}`);
      console.error('The live site is unchanged.');
    }
    process.exit(1);
  }
  if (!values.json)
    console.log(
      `✔ ${outcome.manifest.id} ${outcome.live ? 'is live' : `goes live at ${outcome.manifest.scheduledFor}`} after ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
} else {
  fail(`unknown command "${command}": use publish (default), rollback, list`);
}

function bar(event: ProgressEvent): void {
  const width = 30;
  const filled = Math.round(event.progress * width);
  const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(event.progress * 100)).padStart(3)}% ${event.stage.padEnd(8)} ${event.message}`;
  if (process.stdout.isTTY && event.status !== 'info' && event.status !== 'failed')
    process.stdout.write(`\r\x1b[2K${line.slice(0, process.stdout.columns ?? 120)}`);
  else console.log(line);
  if (event.status === 'done' && process.stdout.isTTY) process.stdout.write('\n');
}

function gitUser(): string | undefined {
  try {
    return (
      execFileSync('git', ['config', 'user.name'], { cwd: contentDir }).toString().trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}
