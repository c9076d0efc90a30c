// The build's first step: the last build's output is moved aside at once and deleted by another
// process (scripts/lib/remove-aside.ts).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeAside } from '../../../scripts/lib/remove-aside.ts';

function lastBuild(parent: string, name = 'dist'): string {
  const dir = join(parent, name);
  for (let i = 0; i < 50; i++) {
    mkdirSync(join(dir, 'en', 'articles', `a${i}`), { recursive: true });
    writeFileSync(join(dir, 'en', 'articles', `a${i}`, 'index.html'), `<p>${i}</p>`);
  }
  return dir;
}

describe('removing the last build', () => {
  test('empties the folder at once and deletes it meanwhile, with what a killed build left', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    const dist = lastBuild(parent);
    const killed = lastBuild(parent, 'dist.old-123-456');
    const other = lastBuild(parent, 'dist-agents');
    const remover = removeAside(dist);
    expect(existsSync(dist)).toBe(false);
    expect(remover).toBeDefined();
    // The build blocks its thread while Astro runs; the remover's end is still noticed after.
    spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    if (remover!.exitCode === null) await once(remover!, 'exit');
    expect(remover!.exitCode).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['dist-agents']);
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(join(other, 'en', 'articles', 'a0', 'index.html'))).toBe(true);
  });

  test('leaves a git checkout in place and has nothing to do without a folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'remove-aside-'));
    const dist = lastBuild(parent);
    mkdirSync(join(dist, '.git'));
    expect(removeAside(dist)).toBeUndefined();
    expect(existsSync(join(dist, 'en', 'articles', 'a0', 'index.html'))).toBe(true);
    expect(removeAside(join(parent, 'never-built'))).toBeUndefined();
  });
});
