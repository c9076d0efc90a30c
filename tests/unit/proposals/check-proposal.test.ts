import { describe, expect, it } from 'vitest';
import {
  checkProposal,
  type ContentFacts,
  type ProposalTarget,
} from '../../../src/proposals/check-proposal.ts';

const facts: ContentFacts = {
  sections: new Map([
    ['paying', 'public'],
    ['handbook-macros', 'internal'],
  ]),
  englishArticles: new Map([
    ['paying-for-lots', 'public'],
    ['agent-macros-payment', 'internal'],
  ]),
  snippets: new Set(['payment-deadline']),
  images: new Set(['bid-panel.png', 'internal/escalation-paths.png']),
};

function file(fields: Record<string, string> = {}, body = 'Pay within 3 days.') {
  const frontmatter = {
    title: 'How to pay for lots you won',
    description: 'Find your invoice and pay it within three days.',
    section: 'paying',
    audience: 'buyers',
    visibility: 'public',
    updated: '2026-11-01',
    owner: 'payments-team',
    reviewBy: '2027-05-01',
    ...fields,
  };
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

const edit: ProposalTarget = { kind: 'edit', locale: 'en', articleId: 'paying-for-lots' };
const issuesOf = (text: string, target: ProposalTarget = edit) => {
  const result = checkProposal(text, target, facts);
  return result.ok ? [] : result.issues;
};

describe('checking a proposed article file', () => {
  it('passes a well-formed edit and returns its frontmatter', () => {
    const result = checkProposal(file(), edit, facts);
    expect(result.ok && result.frontmatter.title).toBe('How to pay for lots you won');
  });

  it('runs the build’s frontmatter schema and names the field and its line', () => {
    const issues = issuesOf(file({ audience: 'everyone' }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: 'audience',
        line: 5,
        message: expect.stringMatching(/buyers, sellers, both/),
      }),
    );
  });

  it('refuses a file without frontmatter and says how to start it', () => {
    expect(issuesOf('Just text.')).toEqual([
      expect.objectContaining({ rule: 'frontmatter-missing' }),
    ]);
  });

  it('refuses an unknown section and lists the ones there are', () => {
    expect(issuesOf(file({ section: 'payments' }))).toContainEqual(
      expect.objectContaining({ rule: 'unknown-section', hint: expect.stringContaining('paying') }),
    );
  });

  it('refuses a public article in an internal section, or listing an internal one as related', () => {
    const rules = issuesOf(
      file({ section: 'handbook-macros', related: '[agent-macros-payment]' }),
    ).map((i) => i.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['public-in-internal-section', 'internal-related']),
    );
  });

  it('refuses a new article whose id is taken, and an edit of an article that does not exist', () => {
    expect(
      issuesOf(file(), { kind: 'new-article', locale: 'en', articleId: 'paying-for-lots' }),
    ).toContainEqual(expect.objectContaining({ rule: 'article-exists' }));
    expect(
      issuesOf(file(), { kind: 'edit', locale: 'en', articleId: 'no-such-article' }),
    ).toContainEqual(expect.objectContaining({ rule: 'article-missing' }));
  });

  it('holds translations to their English article’s visibility', () => {
    const target = {
      kind: 'edit' as const,
      locale: 'nl' as const,
      articleId: 'agent-macros-payment',
    };
    expect(issuesOf(file({ section: 'handbook-macros' }), target)).toContainEqual(
      expect.objectContaining({ rule: 'visibility-differs', hint: 'write visibility: internal' }),
    );
  });

  it('refuses snippets and pictures that do not exist, and internal pictures on public articles', () => {
    const rules = issuesOf(
      file(
        {},
        '<Snippet id="no-such-snippet" />\n\n<Figure src="missing.png" alt="A missing picture" />\n\n<Figure src="internal/escalation-paths.png" alt="Escalation paths" />',
      ),
    ).map((i) => i.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['unknown-snippet', 'unknown-image', 'internal-image']),
    );
  });

  it('refuses a text over 100 KB before reading it', () => {
    expect(issuesOf(file({}, 'x'.repeat(110 * 1024)))).toEqual([
      expect.objectContaining({ rule: 'too-large' }),
    ]);
  });
});
