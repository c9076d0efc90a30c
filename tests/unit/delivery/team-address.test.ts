import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { loadSupportConfig, SupportConfigError } from '../../../src/server/support/load.ts';

const shippedDir = fileURLToPath(new URL('../../../content/support/', import.meta.url));

describe('team addresses', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function teamsWith(from: string, to: string): string {
    dir = mkdtempSync(join(tmpdir(), 'team-address-'));
    cpSync(shippedDir, dir, { recursive: true });
    const path = join(dir, 'teams.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
    return dir;
  }

  function messageOf(configDir: string): string {
    try {
      loadSupportConfig(configDir);
    } catch (error) {
      if (error instanceof SupportConfigError) return error.message;
      throw error;
    }
    throw new Error('the configuration loaded without an error');
  }

  it('gives every shipped email team an address, and no phone team needs one', () => {
    const config = loadSupportConfig();
    for (const locale of locales) {
      expect(config.team(locale, 'email')?.address).toBe(`support-${locale}@hammerbid.example`);
    }
    expect(config.team('en', 'phone')?.address).toBeUndefined();
  });

  it('names the file, the team and an example when an email team has no address', () => {
    const message = messageOf(teamsWith(',\n      address: support-nl@hammerbid.example }', ' }'));
    expect(message).toBe(
      `${join(dir, 'teams.yaml')}: teams[1].address: the email team "email-nl" has no address; ` +
        'add the inbox its tickets are emailed to, such as address: support-nl@hammerbid.example',
    );
  });

  it('rejects an address that is not an email address', () => {
    const message = messageOf(
      teamsWith('address: support-de@hammerbid.example', 'address: support-de at hammerbid'),
    );
    expect(message).toContain('teams.yaml: teams[2].address: address must be an email address');
    expect(message).toContain('(found "support-de at hammerbid")');
  });
});
