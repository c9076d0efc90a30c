import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Empties a build's output folder at once: Astro empties it before writing into it, and at
 * 10,000 pages (30,000 files with the compressed copies) that took 3.3 s of the build's only busy
 * thread. The folder is moved aside instead (a rename, so it is gone from outDir when this
 * returns), and a low-priority process deletes it on the other core while Astro loads and
 * bundles, with any folder a build killed half way left aside. A folder that is a git checkout (a
 * gh-pages deploy) stays where it is, for Astro to empty as it does. Returns the deleting process,
 * or undefined when there is nothing to delete.
 */
export function removeAside(outDir: string): ChildProcess | undefined {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.old-`;
  const leftovers = existsSync(parent)
    ? readdirSync(parent)
        .filter((name) => name.startsWith(prefix))
        .map((name) => join(parent, name))
    : [];
  if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
    const moved = join(parent, `${prefix}${process.pid}-${Date.now()}`);
    try {
      renameSync(outDir, moved);
      leftovers.push(moved);
    } catch {
      // A mount point, or no right to rename: Astro empties it in place.
    }
  }
  if (leftovers.length === 0) return undefined;
  const remover = spawn(
    process.execPath,
    [
      '-e',
      'for (const dir of process.argv.slice(1)) require("node:fs").rmSync(dir, { recursive: true, force: true })',
      ...leftovers,
    ],
    { stdio: 'inherit' },
  );
  try {
    if (remover.pid) setPriority(remover.pid, 19);
  } catch {
    // Not allowed here: it still runs, at the normal priority.
  }
  return remover;
}
