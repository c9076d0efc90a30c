/**
 * Which build is live, asked on every request: the release `releases/current` points to when
 * there is one, the plain builds (dist/, dist-agents/) otherwise. A release switch is a rename of
 * that link, so the next request already gets the new release; nothing restarts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { releaseRegistry, type ReleaseRegistry } from './releases/registry.ts';

export interface LiveSite {
  /** The live public build. */
  publicDir(): string;
  /** The live agents' build (client/ and server/ inside). */
  agentsDir(): string;
  /** The live release's id; null when serving the plain builds. */
  releaseId(): string | null;
  /** The builds live before the last switch, for a page opened before it. */
  graceDirs(part: 'public' | 'agents'): string[];
  registry: ReleaseRegistry | undefined;
}

export function liveSite(settings: {
  distDir: string;
  agentsDistDir: string;
  releasesDir?: string | undefined;
}): LiveSite {
  const registry = settings.releasesDir ? releaseRegistry(settings.releasesDir) : undefined;
  const release = () => registry?.current() ?? null;
  const inRelease = (part: 'public' | 'agents') => {
    const id = release();
    return id && registry ? join(registry.path(id), part) : undefined;
  };
  return {
    publicDir: () => inRelease('public') ?? settings.distDir,
    agentsDir: () => inRelease('agents') ?? settings.agentsDistDir,
    releaseId: release,
    graceDirs(part) {
      const previous = registry?.previous();
      if (!registry || !previous) return [];
      const dir = join(registry.path(previous), part);
      return existsSync(dir) ? [part === 'agents' ? join(dir, 'client') : dir] : [];
    },
    registry,
  };
}
