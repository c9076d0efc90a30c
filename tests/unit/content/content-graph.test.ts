import { describe, expect, it } from 'vitest';
import { buildContentGraph, ContentError, type RawArticle } from '../../../src/lib/content-graph.ts';
import type { ArticleFrontmatter } from '../../../src/lib/content-schema.ts';
import { revisionOf, sourceRevisionOf } from '../../../src/lib/revision.ts';
import {
  frontmatterField,
  readFrontmatter,
  stampRevision,
  statedSourceRevision,
  translationState,
} from '../../../src/lib/translation-status.ts';

const base: ArticleFrontmatter = {
  title: 'How bidding works',
  description: 'Place a bid and follow the auction.',
  section: 'bidding',
  audience: 'buyers',
  visibility: 'public',
  labels: [],
  keywords: [],
  summary: false,
  updated: new Date('2026-10-01'),
  owner: 'marketplace-team',
  reviewBy: new Date('2027-01-01'),
  promoted: false,
  related: [],
};

function article(entryId: string, data: Partial<ArticleFrontmatter> = {}, body = 'Text'): RawArticle<string> {
  const fileText =
    `---\ntitle: ${data.title ?? base.title}\n` +
    (data.keywords ? `keywords: [${data.keywords.join(', ')}]\n` : '') +
    (data.summary ? 'summary: true\n' : '') +
    (data.sourceRevision ? `sourceRevision: ${data.sourceRevision}\n` : '') +
    `---\n${body}`;
  return { entryId, data: { ...base, ...data }, fileText, filePath: `content/articles/${entryId}.mdx`, entry: entryId };
}

const structure = {
  categories: [
    { id: 'buying', order: 1, icon: 'gavel', visibility: 'public' as const },
    { id: 'agents', order: 9, icon: 'headset', visibility: 'internal' as const },
  ],
  sections: [
    { id: 'bidding', category: 'buying', order: 1, visibility: 'public' as const },
    { id: 'agent-handbook', category: 'agents', order: 9, visibility: 'internal' as const },
  ],
  titles: { en: { categories: { buying: { title: 'Buying', description: 'All about buying' } }, sections: { bidding: { title: 'Bidding', description: 'How to bid' } } } },
  revisionOf: (a: RawArticle<string>) => revisionOf(a.fileText),
  sourceRevisionOf: (a: RawArticle<string>) => sourceRevisionOf(a.fileText),
};

describe('content graph', () => {
  const source = article('en/how-bidding-works');
  const revision = revisionOf(source.fileText);

  it('serves a current translation in its own language', () => {
    const graph = buildContentGraph({ ...structure, articles: [source, article('nl/how-bidding-works', { title: 'Zo werkt bieden', sourceRevision: revision })] });
    const resolved = graph.article('nl', 'how-bidding-works');
    expect(resolved).toMatchObject({ state: 'current', textLocale: 'nl', title: 'Zo werkt bieden' });
  });

  it('falls back to the English text, marked as English, when a locale has no translation', () => {
    const graph = buildContentGraph({ ...structure, articles: [source] });
    expect(graph.article('ko', 'how-bidding-works')).toMatchObject({ state: 'missing', textLocale: 'en', title: 'How bidding works' });
  });

  it('marks a translation outdated when the English file changed after it was made', () => {
    const translation = article('de/how-bidding-works', { title: 'So funktioniert Bieten', sourceRevision: 'aaaaaaaaaaaa' });
    const graph = buildContentGraph({ ...structure, articles: [source, translation] });
    expect(graph.article('de', 'how-bidding-works')).toMatchObject({ state: 'outdated', textLocale: 'de' });
  });

  it('leaves internal articles out of every public list', () => {
    const internal = article('en/escalation-rules', { visibility: 'internal', section: 'agent-handbook' });
    const graph = buildContentGraph({ ...structure, articles: [source, internal] });
    expect(graph.articleIds).toEqual(['how-bidding-works']);
    expect(graph.sections.map((s) => s.id)).toEqual(['bidding']);
    expect(() => graph.article('en', 'escalation-rules')).toThrow(ContentError);
  });

  it('gives the internal audience every article, section and category, each with its visibility', () => {
    const internal = article('en/escalation-rules', { visibility: 'internal', section: 'agent-handbook' });
    const graph = buildContentGraph({ ...structure, audience: 'internal', articles: [source, internal] });
    expect(graph.articleIds).toEqual(['escalation-rules', 'how-bidding-works']);
    expect(graph.categories.map((c) => c.id)).toEqual(['buying', 'agents']);
    expect(graph.sections.map((s) => s.id)).toEqual(['bidding', 'agent-handbook']);
    expect(graph.article('en', 'escalation-rules')).toMatchObject({ visibility: 'internal', revision: revisionOf(internal.fileText) });
    expect(graph.article('nl', 'escalation-rules')).toMatchObject({ state: 'missing', textLocale: 'en' });
  });

  it('records the revision of the file shown and of its English source', () => {
    const translation = article('nl/how-bidding-works', { title: 'Zo werkt bieden', sourceRevision: revision });
    const graph = buildContentGraph({ ...structure, articles: [source, translation] });
    expect(graph.article('nl', 'how-bidding-works')).toMatchObject({ revision: revisionOf(translation.fileText), sourceRevision: revision });
    expect(graph.article('ko', 'how-bidding-works')).toMatchObject({ revision, sourceRevision: revision });
  });

  it('refuses a public section inside an internal category', () => {
    const sections = [{ id: 'bidding', category: 'agents', order: 1, visibility: 'public' as const }];
    expect(() => buildContentGraph({ ...structure, sections, articles: [source] })).toThrow(
      /public section "bidding" is in the internal category "agents"/,
    );
  });

  it('refuses a public article that lists an internal one as related, naming the file', () => {
    const internal = article('en/escalation-rules', { visibility: 'internal', section: 'agent-handbook' });
    const leaking = article('en/how-bidding-works', { related: ['escalation-rules'] });
    expect(() => buildContentGraph({ ...structure, articles: [leaking, internal] })).toThrow(
      /content\/articles\/en\/how-bidding-works\.mdx: related article "escalation-rules" is internal/,
    );
  });

  it('refuses a translation without a source revision and says which command fixes it', () => {
    expect(() => buildContentGraph({ ...structure, articles: [source, article('fr/how-bidding-works')] })).toThrow(
      /fr\/how-bidding-works\.mdx: sourceRevision is missing; after translating run: npm run translations -- stamp fr\/how-bidding-works/,
    );
  });

  it('refuses a translation whose English source does not exist', () => {
    expect(() => buildContentGraph({ ...structure, articles: [source, article('it/how-bidding-work', { sourceRevision: revision })] })).toThrow(
      /there is no English article content\/articles\/en\/how-bidding-work\.mdx/,
    );
  });

  it('refuses an unknown section and lists the ones that exist', () => {
    expect(() => buildContentGraph({ ...structure, articles: [article('en/x', { section: 'biding' })] })).toThrow(
      /section "biding" is not in content\/structure\/sections\.yaml\. Use one of: bidding, agent-handbook/,
    );
  });

  it('lists a summary translation under its own title while the text stays English', () => {
    const summary = article('ru/how-bidding-works', { title: 'Как делать ставки', keywords: ['ставка'], summary: true, sourceRevision: revision }, '');
    const graph = buildContentGraph({ ...structure, articles: [source, summary] });
    expect(graph.article('ru', 'how-bidding-works')).toMatchObject({
      state: 'summary',
      title: 'Как делать ставки',
      keywords: ['ставка'],
      titleLocale: 'ru',
      textLocale: 'en',
      entry: source.entry,
      revision,
    });
  });

  it('refuses a summary translation that has text of its own, saying how to fix it', () => {
    const summary = article('ru/how-bidding-works', { title: 'Как делать ставки', summary: true, sourceRevision: revision }, 'Текст');
    expect(() => buildContentGraph({ ...structure, articles: [source, summary] })).toThrow(
      /ru\/how-bidding-works\.mdx: a summary translation \(summary: true\) has no text of its own.*remove summary: true to make it a full translation/,
    );
  });

  it('refuses summary: true on an English article', () => {
    expect(() => buildContentGraph({ ...structure, articles: [article('en/how-bidding-works', { summary: true }, '')] })).toThrow(
      /en\/how-bidding-works\.mdx: summary: true is for translations/,
    );
  });

  it('keeps a translation current when only the English keywords change', () => {
    const withKeywords = article('en/how-bidding-works', { keywords: ['outbid', 'bid war'] });
    const translation = article('nl/how-bidding-works', { title: 'Zo werkt bieden', sourceRevision: revision });
    const graph = buildContentGraph({ ...structure, articles: [withKeywords, translation] });
    expect(graph.article('nl', 'how-bidding-works').state).toBe('current');
    expect(graph.article('en', 'how-bidding-works').revision).not.toBe(revision);
  });

  it('falls back to the English title of a section that is not translated yet', () => {
    const graph = buildContentGraph({ ...structure, articles: [source] });
    expect(graph.title('ru', 'sections', 'bidding')).toEqual({ title: 'Bidding', description: 'How to bid', textLocale: 'en' });
  });
});

describe('source revisions', () => {
  it('leaves the keywords out of the revision translations track, in any YAML style', () => {
    const plain = '---\ntitle: A\nowner: x\n---\nBody\n';
    for (const keywords of ['keywords: [2fa, code]\n', 'keywords:\n  - 2fa\n  - code\n', 'keywords:\n- 2fa\n']) {
      const withKeywords = plain.replace('owner: x\n', `${keywords}owner: x\n`);
      expect(sourceRevisionOf(withKeywords), keywords).toBe(revisionOf(plain));
      expect(revisionOf(withKeywords), keywords).not.toBe(revisionOf(plain));
    }
    expect(sourceRevisionOf(plain.replace('Body', 'Other'))).not.toBe(sourceRevisionOf(plain));
  });

  it('ignores line endings so Windows and Linux checkouts agree', () => {
    expect(revisionOf('a\r\nb\r\n')).toBe(revisionOf('a\nb\n'));
    expect(revisionOf('a\nb\n')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('stamps a translation, replacing an older revision', () => {
    const once = stampRevision('---\ntitle: X\n---\nBody', '111111111111');
    expect(once).toBe('---\ntitle: X\nsourceRevision: "111111111111"\n---\nBody');
    expect(stampRevision(once, '222222222222')).toBe('---\ntitle: X\nsourceRevision: "222222222222"\n---\nBody');
  });

  it('quotes the revision, so one that looks like a number stays text', () => {
    const stamped = stampRevision('---\ntitle: X\n---\nBody', '1234e5678901');
    expect(readFrontmatter(stamped)['sourceRevision']).toBe('1234e5678901');
    expect(translationState('1234e5678901', stamped)).toBe('current');
  });

  it('reads a legacy unquoted revision as written, even one YAML takes for a number', () => {
    for (const revision of ['123456789012', '012345678901', '1234e5678901']) {
      const legacy = `---\ntitle: X\nsourceRevision: ${revision}\n---\nBody`;
      expect(typeof readFrontmatter(legacy)['sourceRevision']).toBe('number');
      expect(statedSourceRevision(legacy)).toBe(revision);
      expect(translationState(revision, legacy)).toBe('current');
      expect(translationState('aaaaaaaaaaaa', legacy)).toBe('outdated');
      // Stamping again writes it quoted, and the reading does not change.
      expect(stampRevision(legacy, revision)).toBe(`---\ntitle: X\nsourceRevision: "${revision}"\n---\nBody`);
    }
    expect(statedSourceRevision("---\nsourceRevision: '29ded575f2b2'  # from the CMS\n---\n")).toBe('29ded575f2b2');
    expect(statedSourceRevision('---\nsourceRevision: 29ded575f2b2 # old\n---\n')).toBe('29ded575f2b2');
    expect(statedSourceRevision('---\ntitle: X\n---\nsourceRevision: 29ded575f2b2\n')).toBeUndefined();
  });

  it('builds a translation whose legacy unquoted revision YAML read as a number', () => {
    const graph = buildContentGraph({
      ...structure,
      sourceRevisionOf: () => '1234e5678901',
      articles: [article('en/how-bidding-works'), { ...article('nl/how-bidding-works', { title: 'Zo werkt bieden' }), fileText: '---\ntitle: Zo werkt bieden\nsourceRevision: 1234e5678901\n---\nTekst', data: { ...base, title: 'Zo werkt bieden', sourceRevision: Infinity } }],
    });
    expect(graph.article('nl', 'how-bidding-works')).toMatchObject({ state: 'current', textLocale: 'nl' });
  });

  it('refuses a number that is no revision, naming the file and the command', () => {
    const translation = { ...article('nl/how-bidding-works'), fileText: '---\ntitle: X\nsourceRevision: 42\n---\nTekst', data: { ...base, sourceRevision: 42 } };
    expect(() => buildContentGraph({ ...structure, articles: [article('en/how-bidding-works'), translation] })).toThrow(
      /nl\/how-bidding-works\.mdx: sourceRevision "42" is not a revision; run: npm run translations -- stamp nl\/how-bidding-works/,
    );
  });
});

describe('one frontmatter field read from its line', () => {
  const file = (block: string) => `---\ntitle: T\n${block}\n---\n\nText`;
  it('reads the value as the whole YAML parse does', () => {
    for (const block of [
      'summary: true',
      'summary: True',
      'summary: "true"',
      'summary: false # not yet',
      'summary:\n  true',
      'visibility: internal',
      "visibility: 'internal'",
      'meta:\n  summary: true',
      '',
    ]) {
      const text = file(block);
      expect(frontmatterField(text, 'summary'), block).toEqual(readFrontmatter(text)['summary']);
      expect(frontmatterField(text, 'visibility'), block).toEqual(readFrontmatter(text)['visibility']);
    }
  });
  it('gives nothing for a file without frontmatter', () => {
    expect(frontmatterField('No frontmatter', 'summary')).toBeUndefined();
  });
});
