import { describe, expect, it } from 'vitest';
import { contentChanges, whatsNew, type CommitInfo } from '../../../src/releases/changes.ts';

const commit = (files: CommitInfo['files'], body = ''): CommitInfo => ({
  sha: 'x',
  author: { name: 'A', email: 'a@x' },
  at: '2026-11-30T08:00:00Z',
  subject: 's',
  body,
  files,
});

describe('what changed between two releases', () => {
  it('sums the commits per locale: added then changed is added, added then removed is nothing', () => {
    const changes = contentChanges([
      commit([{ status: 'A', path: 'articles/en/new-one.mdx' }, { status: 'M', path: 'articles/en/payouts.mdx' }], 'Proposal: PR-AAAAAAAA'),
      commit([{ status: 'M', path: 'articles/en/new-one.mdx' }, { status: 'A', path: 'articles/nl/payouts.mdx' }]),
      commit([{ status: 'A', path: 'articles/en/short-lived.mdx' }, { status: 'D', path: 'articles/en/short-lived.mdx' }]),
      commit([{ status: 'D', path: 'articles/de/old.mdx' }, { status: 'M', path: 'support/teams.yaml' }], 'Proposal: PR-BBBBBBBB'),
    ]);
    expect(changes.articles).toEqual({
      de: { added: [], changed: [], removed: ['old'] },
      en: { added: ['new-one'], changed: ['payouts'], removed: [] },
      nl: { added: ['payouts'], changed: [], removed: [] },
    });
    expect(changes.proposals).toEqual(['PR-AAAAAAAA', 'PR-BBBBBBBB']);
  });

  it('tells each locale what its readers see differently, public articles only', () => {
    const notes = whatsNew(
      { articles: { en: { added: ['new-one', 'secret'], changed: ['payouts'], removed: [] }, nl: { added: ['payouts'], changed: [], removed: [] } }, proposals: [] },
      (locale, id) => locale === 'nl' && id === 'payouts',
      (id) => id !== 'secret',
    );
    expect(notes.en).toEqual([
      { articleId: 'new-one', kind: 'new' },
      { articleId: 'payouts', kind: 'updated' },
    ]);
    expect(notes.nl).toEqual([
      { articleId: 'payouts', kind: 'translated' },
      { articleId: 'new-one', kind: 'new' },
    ]);
    expect(notes.ko).toEqual([
      { articleId: 'new-one', kind: 'new' },
      { articleId: 'payouts', kind: 'updated' },
    ]);
  });
});
