/**
 * The releases folder: one immutable folder per release (public/, agents/, manifest.json), a
 * `current` symlink naming the live one, and history.jsonl, an append-only log of every switch.
 * Going live is one rename(2) of a fresh symlink over `current`: readers see the old release or
 * the new one, never a mix. Files, not the database, so `npm run release` and the service share it.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { RELEASE_ID, type ReleaseManifest } from '../../releases/manifest.ts';

export interface HistoryLine {
  at: string;
  actor: string;
  action: 'published' | 'rolled-back' | 'scheduled' | 'switched-on-schedule' | 'failed' | 'pruned';
  from: string | null;
  to: string | null;
  detail?: string;
}

export interface ReleaseRegistry {
  readonly dir: string;
  /** The live release's id, or null when nothing was released yet. */
  current(): string | null;
  /** The folder of a release. */
  path(id: string): string;
  manifest(id: string): ReleaseManifest | undefined;
  /** Every finished release, newest first. */
  list(): ReleaseManifest[];
  history(): HistoryLine[];
  record(line: HistoryLine): void;
  /** A scratch folder for a release being built; finish() makes it a release. */
  partial(id: string): string;
  finish(id: string, manifest: ReleaseManifest): void;
  /** Makes a release live atomically; returns how long the switch took in milliseconds. */
  switchTo(id: string): number;
  /** The release that was live before the current one (for rollback and the grace period). */
  previous(): string | null;
  /** Deletes all but the newest `keep` releases, never the live one or the one before it. */
  prune(keep: number): string[];
  /** Removes scratch folders of builds that never finished (a crash, a kill). */
  sweepPartials(): string[];
}

export function releaseRegistry(dir: string): ReleaseRegistry {
  const root = resolve(dir);
  const historyFile = join(root, 'history.jsonl');
  const ensure = () => mkdirSync(root, { recursive: true });
  const readManifest = (id: string): ReleaseManifest | undefined => {
    try {
      return JSON.parse(readFileSync(join(root, id, 'manifest.json'), 'utf8')) as ReleaseManifest;
    } catch {
      return undefined;
    }
  };
  const registry: ReleaseRegistry = {
    dir: root,
    current() {
      try {
        const target = readlinkSync(join(root, 'current'));
        return RELEASE_ID.test(target) ? target : null;
      } catch {
        return null;
      }
    },
    path: (id) => join(root, id),
    manifest: readManifest,
    list() {
      if (!existsSync(root)) return [];
      return readdirSync(root)
        .filter((name) => RELEASE_ID.test(name))
        .sort()
        .reverse()
        .flatMap((id) => {
          const manifest = readManifest(id);
          return manifest ? [manifest] : [];
        });
    },
    history() {
      if (!existsSync(historyFile)) return [];
      return readFileSync(historyFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as HistoryLine];
          } catch {
            return []; // a line cut by a crash: the lines before it still count
          }
        });
    },
    record(line) {
      ensure();
      const fd = openSync(historyFile, 'a');
      try {
        appendFileSync(fd, `${JSON.stringify(line)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    partial(id) {
      ensure();
      const path = join(root, `.partial-${id}`);
      rmSync(path, { recursive: true, force: true });
      mkdirSync(path, { recursive: true });
      return path;
    },
    finish(id, manifest) {
      const partial = join(root, `.partial-${id}`);
      writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      renameSync(partial, join(root, id));
    },
    switchTo(id) {
      if (!readManifest(id)) throw new Error(`there is no finished release ${id} in ${root}`);
      const started = performance.now();
      const temporary = join(root, `.current-${process.pid}`);
      if (existsSync(temporary)) unlinkSync(temporary);
      symlinkSync(id, temporary);
      renameSync(temporary, join(root, 'current'));
      return performance.now() - started;
    },
    previous() {
      const current = registry.current();
      const switches = registry
        .history()
        .filter((line) => ['published', 'rolled-back', 'switched-on-schedule'].includes(line.action));
      const last = [...switches].reverse().find((line) => line.to === current);
      return last?.from ?? null;
    },
    prune(keep) {
      const protectedIds = new Set([registry.current(), registry.previous()].filter(Boolean));
      const scheduled = new Set(registry.list().filter((m) => m.scheduledFor && !registry.history().some((h) => h.to === m.id)).map((m) => m.id));
      const removed: string[] = [];
      registry.list().forEach((manifest, index) => {
        if (index < keep || protectedIds.has(manifest.id) || scheduled.has(manifest.id)) return;
        rmSync(join(root, manifest.id), { recursive: true, force: true });
        removed.push(manifest.id);
      });
      return removed;
    },
    sweepPartials() {
      if (!existsSync(root)) return [];
      const stale = readdirSync(root).filter((name) => name.startsWith('.partial-'));
      for (const name of stale) rmSync(join(root, name), { recursive: true, force: true });
      return stale;
    },
  };
  return registry;
}

/**
 * One release at a time, across the service and the command line: an exclusive lock file with
 * the holder's pid. A lock whose process is gone (killed) is taken over.
 */
export function takeReleaseLock(dir: string, holder: string): { release(): void } | { heldBy: string } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, JSON.stringify({ pid: process.pid, holder, at: new Date().toISOString() }));
      closeSync(fd);
      return {
        release: () => {
          try {
            const owner = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
            if (owner.pid === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid: number; holder: string } | undefined;
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; holder: string };
      } catch {
        owner = undefined;
      }
      if (owner && isAlive(owner.pid)) return { heldBy: `${owner.holder} (process ${owner.pid})` };
      rmSync(file, { force: true });
    }
  }
  return { heldBy: 'another release' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
