import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { loadSupportConfig, SupportConfigError } from '../../../src/server/support/load.ts';

const shippedDir = fileURLToPath(new URL('../../../content/support/', import.meta.url));

describe('phone numbers of the support teams', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function loadWith(from: string | RegExp, to: string): SupportConfigError | undefined {
    dir = mkdtempSync(join(tmpdir(), 'support-phone-'));
    cpSync(shippedDir, dir, { recursive: true });
    const path = join(dir, 'teams.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text.replace(from, to)).not.toBe(text);
    writeFileSync(path, text.replace(from, to));
    try {
      loadSupportConfig(dir);
      return undefined;
    } catch (error) {
      if (error instanceof SupportConfigError) return error;
      throw error;
    }
  }

  it('gives every shipped phone line an international number', () => {
    const config = loadSupportConfig();
    for (const locale of locales) {
      const phone = config.team(locale, 'phone');
      if (phone) expect(phone.phone?.replace(/ /g, '')).toMatch(/^\+[1-9]\d{6,14}$/);
    }
    expect(config.team('en', 'email')?.phone).toBeUndefined();
  });

  it('asks for the number of a phone team that has none', () => {
    const error = loadWith(/,\n\s+phone: '\+31 20 794 8120'/, '');
    expect(error?.message).toContain(
      'teams.yaml: teams[9].phone: the phone team "phone-nl" has no phone number; add the number readers call',
    );
  });

  it('explains the international format for a local number', () => {
    const error = loadWith("phone: '+31 20 794 8120'", "phone: '020-794 8120'");
    expect(error?.message).toContain(
      'teams.yaml: teams[9].phone: phone must be an international number: "+", the country code and the number, with spaces at most',
    );
    expect(error?.message).toContain('(found "020-794 8120")');
  });
});
