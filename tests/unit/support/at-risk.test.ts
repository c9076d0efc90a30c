import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSupportConfig, SupportConfigError } from '../../../src/server/support/load.ts';

const shippedDir = fileURLToPath(new URL('../../../content/support/', import.meta.url));

describe('the at-risk share in sla-policies.yaml', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function withPolicies(change: (text: string) => string): string {
    dir = mkdtempSync(join(tmpdir(), 'support-at-risk-'));
    cpSync(shippedDir, dir, { recursive: true });
    const path = join(dir, 'sla-policies.yaml');
    writeFileSync(path, change(readFileSync(path, 'utf8')));
    return dir;
  }

  function errorOf(configDir: string): string {
    try {
      loadSupportConfig(configDir);
    } catch (error) {
      if (error instanceof SupportConfigError) return error.message;
      throw error;
    }
    throw new Error('the configuration loaded without an error');
  }

  it('is 0.8 as shipped', () => {
    expect(loadSupportConfig().atRisk).toBe(0.8);
  });

  it('defaults to 0.8 when the line is left out', () => {
    const config = loadSupportConfig(withPolicies((text) => text.replace(/^atRisk:.*$/m, '')));
    expect(config.atRisk).toBe(0.8);
  });

  it('refuses a percentage and says to write a share', () => {
    const message = errorOf(withPolicies((text) => text.replace('atRisk: 0.8', 'atRisk: 80')));
    expect(message).toContain('sla-policies.yaml: atRisk: atRisk must be less than 1');
    expect(message).toContain('write 0.8 for 80 %');
  });

  it('refuses 0 and text', () => {
    expect(errorOf(withPolicies((text) => text.replace('atRisk: 0.8', 'atRisk: 0')))).toContain(
      'atRisk must be more than 0',
    );
    expect(errorOf(withPolicies((text) => text.replace('atRisk: 0.8', 'atRisk: soon')))).toContain(
      'atRisk must be a share such as 0.8',
    );
  });
});
