// `npm start`: build both help centres (public and agents') when the sources are newer than the
// last build, then serve them with the API from one process (PORT and HOST override where).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const distDir = process.env['DIST_DIR'] ?? join(root, 'dist');
const agentsDir = process.env['AGENTS_DIST_DIR'] ?? join(root, 'dist-agents');
// Written last by each build (the search step); the internal build runs second.
const builtMarkers = [
  join(distDir, 'pagefind', 'pagefind-entry.json'),
  join(agentsDir, 'client', 'pagefind', 'pagefind-entry.json'),
];
const sources = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stats.mtimeMs,
  );
}

const builtAt = Math.min(
  ...builtMarkers.map((marker) => (existsSync(marker) ? statSync(marker).mtimeMs : 0)),
);
const changedAt = Math.max(
  ...sources
    .map((s) => join(root, s))
    .filter(existsSync)
    .map(newestChange),
);
if (changedAt > builtAt) {
  console.log(
    builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…',
  );
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
    stdio: 'inherit',
    cwd: root,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('./serve.ts');
