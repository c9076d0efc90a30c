import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { loadSupportConfig, SupportConfigError } from '../../../src/server/support/load.ts';

const shippedDir = fileURLToPath(new URL('../../../content/support/', import.meta.url));

describe('the shipped support configuration', () => {
  const config = loadSupportConfig();

  it('has an email team in every locale and phone lines in six', () => {
    for (const locale of locales) {
      expect(config.team(locale, 'email')?.id).toBe(`email-${locale}`);
    }
    const phoneLocales = locales.filter((locale) => config.team(locale, 'phone'));
    expect(phoneLocales).toEqual(['en', 'nl', 'de', 'fr', 'it', 'es']);
    expect(config.teams).toHaveLength(14);
    expect(config.teams.every((team) => team.timeZone === 'Europe/Amsterdam')).toBe(true);
  });

  it('lists the topics in contact-form order with two urgent ones', () => {
    expect(config.topics.map((topic) => topic.id)).toEqual([
      'bidding',
      'payment',
      'payment-blocked',
      'delivery',
      'return-dispute',
      'consigning',
      'payouts',
      'account-access',
      'account-taken-over',
      'verification',
      'report-scam',
      'other',
    ]);
    const urgent = config.topics.filter((topic) => topic.priority === 'urgent');
    expect(urgent.map((topic) => topic.id)).toEqual(['payment-blocked', 'account-taken-over']);
    expect(config.topic('payment-blocked')?.title.en).toBe('My payment is blocked');
    expect(config.topic('no-such-topic')).toBeUndefined();
  });

  it('has a title for every topic in all eight locales', () => {
    for (const topic of config.topics) {
      expect(Object.keys(topic.title).sort()).toEqual([...locales].sort());
    }
  });

  it('quotes normal requests in 24 calendar hours and urgent ones in 4 business hours', () => {
    expect(config.policies.normal.firstReply).toEqual({ hours: 24, clock: 'calendar' });
    expect(config.policies.urgent.firstReply).toEqual({ hours: 4, clock: 'business' });
  });

  it('names files relative to the repository in its errors', () => {
    expect(() => loadSupportConfig(shippedDir, { categories: ['buying'] })).toThrow(
      'content/support/topics.yaml: topics[5].category: unknown category "selling"; use one of: buying',
    );
  });
});

describe('a broken support configuration', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the shipped files with one text replaced in one file. */
  function brokenCopy(file: string, from: string | RegExp, to: string): string {
    dir = mkdtempSync(join(tmpdir(), 'support-config-'));
    cpSync(shippedDir, dir, { recursive: true });
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    writeFileSync(path, changed);
    return dir;
  }

  function errorOf(configDir: string): SupportConfigError {
    try {
      loadSupportConfig(configDir);
    } catch (error) {
      if (error instanceof SupportConfigError) return error;
      throw error;
    }
    throw new Error('the broken configuration loaded without an error');
  }

  it('names the team and the known schedules for an unknown schedule', () => {
    const error = errorOf(brokenCopy('teams.yaml', 'schedule: phone', 'schedule: weekdyas'));
    expect(error.message).toBe(
      `${join(dir, 'teams.yaml')}: teams[8].schedule: unknown schedule "weekdyas"; use one of: email-extended, phone`,
    );
  });

  it('rejects an opening time of 25:00 and says how to write hours', () => {
    const error = errorOf(brokenCopy('schedules.yaml', "'08:00-20:00'", "'08:00-25:00'"));
    expect(error.message).toContain(
      'schedules.yaml: schedules.email-extended.monday[0]: "25:00" is not a time of day',
    );
    expect(error.message).toContain('"HH:MM-HH:MM"');
  });

  it('rejects a period that ends before it starts', () => {
    const error = errorOf(brokenCopy('schedules.yaml', "'10:00-16:00'", "'16:00-10:00'"));
    expect(error.message).toContain(
      'schedules.email-extended.saturday[0]: "16:00-10:00" ends before it starts',
    );
  });

  it('rejects an unknown time zone', () => {
    const error = errorOf(brokenCopy('calendars.yaml', 'Europe/Amsterdam', 'Europe/Amsterdm'));
    expect(error.message).toContain(
      'calendars.yaml: calendars.netherlands.timeZone: unknown time zone "Europe/Amsterdm"',
    );
  });

  it('rejects a category that is not a help-centre category', () => {
    const error = errorOf(brokenCopy('topics.yaml', 'category: buying', 'category: buyng'));
    expect(error.message).toBe(
      `${join(dir, 'topics.yaml')}: topics[0].category: unknown category "buyng"; ` +
        'use one of: buying, selling, account-security, trust-safety (content/structure/categories.yaml)',
    );
  });

  it('names the topic and the locale of a missing title', () => {
    const error = errorOf(brokenCopy('topics.yaml', '      ko: 입찰 및 경매\n', ''));
    expect(error.message).toContain('topics.yaml: topics[0].title.ko: the ko title is missing');
  });

  it('names a misspelt field and lists the allowed ones', () => {
    const error = errorOf(brokenCopy('sla-policies.yaml', 'clock: business', 'clok: business'));
    expect(error.message).toContain(
      'sla-policies.yaml: policies.urgent.firstReply: unknown field "clok"',
    );
    expect(error.message).toContain(
      'sla-policies.yaml: policies.urgent.firstReply.clock: clock is missing',
    );
  });

  it('requires an email team for every locale', () => {
    const error = errorOf(brokenCopy('teams.yaml', /^ {2}- \{ id: email-ko[^}]*\}\n/m, ''));
    expect(error.message).toContain('teams.yaml: teams: no email team for locale "ko"');
  });

  it('points at the line of a YAML syntax error', () => {
    const error = errorOf(brokenCopy('teams.yaml', '  - { id: email-nl', '  - { id: email-nl: ['));
    expect(error.message).toMatch(/teams\.yaml: line 13, column \d+: /);
  });

  it('reports every problem of every file at once', () => {
    brokenCopy('topics.yaml', 'category: buying', 'category: buyng');
    writeFileSync(
      join(dir, 'teams.yaml'),
      readFileSync(join(dir, 'teams.yaml'), 'utf8').replace(
        'schedule: phone',
        'schedule: weekdyas',
      ),
    );
    const error = errorOf(dir);
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'teams[8].schedule',
      'topics[0].category',
    ]);
  });
});
