/**
 * Scheduled releases: built and checked when the lead scheduled them, switched live by the
 * service at their time after checking them again (the folder is whole, nothing internal in the
 * public build, every link resolves). If a check fails the release does not go live, and the
 * history says why: it fails closed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canariesFrom } from '../../releases/canaries.ts';
import { checkCanary, checkLinks } from '../../releases/checks.ts';
import { requestTimePaths } from '../../site/internal/adapter.ts';
import type { Logger } from '../log.ts';
import type { Stores } from '../store/types.ts';
import type { ReleaseRegistry } from './registry.ts';

export function startReleaseScheduler(options: {
  registry: ReleaseRegistry;
  contentDir: string;
  stores: Stores;
  log: Logger;
  now?: () => Date;
  intervalMs?: number;
}): { stop(): void; tick(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  const tick = async () => {
    const { registry } = options;
    const settled = new Set(
      registry
        .history()
        .filter((line) => line.action === 'switched-on-schedule' || (line.action === 'failed' && line.detail?.startsWith('schedule:')))
        .map((line) => line.to),
    );
    for (const manifest of registry.list()) {
      if (!manifest.scheduledFor || settled.has(manifest.id) || Date.parse(manifest.scheduledFor) > now().getTime()) continue;
      const folder = registry.path(manifest.id);
      const problems: string[] = [];
      if (!existsSync(join(folder, 'public', 'en', 'index.html')) || !existsSync(join(folder, 'agents', 'server', 'entry.mjs')))
        problems.push('the release folder is incomplete');
      else {
        const canary = checkCanary(join(folder, 'public'), canariesFrom(options.contentDir));
        const links = checkLinks(
          [
            { root: join(folder, 'public'), basePath: '' },
            { root: join(folder, 'agents', 'client'), basePath: '/agents' },
          ],
          requestTimePaths,
        );
        for (const check of [canary, links]) if (check.status === 'failed') problems.push(`${check.name}: ${check.summary}`, ...check.problems.slice(0, 5));
      }
      const from = registry.current();
      if (problems.length) {
        registry.record({ at: now().toISOString(), actor: 'scheduler', action: 'failed', from, to: manifest.id, detail: `schedule: not switched: ${problems.join('; ')}` });
        options.log.warn(`scheduled release ${manifest.id} not switched: ${problems.join('; ')}`);
        continue;
      }
      registry.switchTo(manifest.id);
      registry.record({ at: now().toISOString(), actor: 'scheduler', action: 'switched-on-schedule', from, to: manifest.id, detail: manifest.scheduledFor });
      await options.stores.proposals.markPublished(manifest.proposals, manifest.id, { actor: 'release', at: now().toISOString() });
      options.log.info(`scheduled release ${manifest.id} is live`);
    }
  };
  const timer = setInterval(() => void tick().catch((error: unknown) => options.log.error('release scheduler', error)), options.intervalMs ?? 15_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
