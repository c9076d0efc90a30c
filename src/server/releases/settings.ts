/** Where releases live and how many are kept, from the environment, with friendly errors. */
import { isAbsolute, relative, resolve } from 'node:path';

export interface ReleaseSettings {
  releasesDir: string;
  keep: number;
}

/**
 * RELEASES_DIR (default ./releases) must be inside the project: the agents' build loads its
 * packages from the project's node_modules, which Node finds only from inside it.
 */
export function releaseSettings(env: Record<string, string | undefined>, projectDir: string): ReleaseSettings {
  const releasesDir = resolve(projectDir, env['RELEASES_DIR'] || 'releases');
  const inside = relative(projectDir, releasesDir);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new Error(
      `RELEASES_DIR=${env['RELEASES_DIR']}: releases must be inside the project folder (${projectDir}), because the agents' pages load packages from its node_modules. Use a folder such as ./releases (or a symlink to it).`,
    );
  const keep = Number(env['RELEASES_KEEP'] || 5);
  if (!Number.isInteger(keep) || keep < 2 || keep > 100)
    throw new Error(`RELEASES_KEEP=${env['RELEASES_KEEP']}: keep between 2 and 100 releases (default 5)`);
  return { releasesDir, keep };
}
