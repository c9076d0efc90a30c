/** Going back to an earlier release: one switch of the `current` link, recorded in the history. */
import type { ReleaseRegistry } from './registry.ts';

export type RollbackOutcome =
  | { ok: true; from: string | null; to: string; ms: number }
  | { ok: false; message: string };

export function rollback(registry: ReleaseRegistry, actor: string, to?: string): RollbackOutcome {
  const from = registry.current();
  const target = to ?? registry.previous();
  if (!target) return { ok: false, message: 'there is no earlier release to go back to' };
  if (target === from) return { ok: false, message: `${target} is live already` };
  if (!registry.manifest(target))
    return { ok: false, message: `there is no release ${target} (kept: ${registry.list().map((m) => m.id).join(', ') || 'none'})` };
  const ms = registry.switchTo(target);
  registry.record({ at: new Date().toISOString(), actor, action: 'rolled-back', from, to: target });
  return { ok: true, from, to: target, ms };
}
