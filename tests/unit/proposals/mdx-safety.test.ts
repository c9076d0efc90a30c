import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMdxSafety, tryParseMdx, urlProblem } from '../../../src/proposals/mdx-safety.ts';
import { hostileSamples } from './hostile-mdx.ts';

const refusals = (body: string) => {
  const parsed = tryParseMdx(body);
  return parsed.ok ? checkMdxSafety(parsed.tree) : [parsed.issue];
};

describe('the MDX safety gate', () => {
  it('has a corpus of at least 30 hostile samples', () => {
    expect(hostileSamples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostileSamples)('refuses $name, saying why and where', ({ body, rule, says }) => {
    const issues = refusals(body);
    const match = issues.find((issue) => issue.rule === rule);
    expect(match, `rules found: ${issues.map((i) => i.rule).join(', ')}`).toBeDefined();
    expect(`${match!.message} ${match!.hint}`).toMatch(says);
    expect(match!.line).toBeGreaterThanOrEqual(1);
    expect(match!.column).toBeGreaterThanOrEqual(1);
  });

  it('gives the line and column of a refusal in a longer text', () => {
    const issues = refusals('# Paying\n\nFirst paragraph.\n\nThen {process.env.X} here.');
    expect(issues).toEqual([
      expect.objectContaining({ rule: 'no-expression', line: 5, column: 6 }),
    ]);
  });

  it('points at a stray < with the hint to escape it', () => {
    const [issue] = refusals('Bids <10 EUR are refused.');
    expect(issue).toMatchObject({ rule: 'syntax', line: 1 });
    expect(issue!.hint).toMatch(/\\</);
  });

  it('accepts Markdown with the documented components and literal attributes', () => {
    const body = [
      '## Pay your invoice',
      '',
      '<Steps>',
      '',
      '1. Open [your invoice](../paying-for-lots/) or write to [support](mailto:help@example.com).',
      '2. Read [the terms](https://www.example.com/terms#fees).',
      '',
      '</Steps>',
      '',
      '<Callout type="warning" title="Deadline">',
      '',
      'Pay within 3 days. A literal brace: \\{ and \\}.',
      '',
      '</Callout>',
      '',
      '<Tabs>',
      '<Tab label="Card">',
      '',
      'Visa, Mastercard.',
      '',
      '</Tab>',
      '</Tabs>',
      '',
      '<Details summary="What if it fails?">',
      '',
      '| Method | Time |',
      '| --- | --- |',
      '| Card | now |',
      '',
      '</Details>',
      '',
      '<Figure src="bid-panel.png" alt="The bid panel of a lot" />',
      '',
      '<Snippet id="payment-deadline" />',
    ].join('\n');
    expect(refusals(body)).toEqual([]);
  });

  it('accepts every article and snippet in content/ as it is today', () => {
    const root = join(import.meta.dirname, '..', '..', '..', 'content');
    const files = ['articles', 'snippets'].flatMap((kind) =>
      readdirSync(join(root, kind)).flatMap((locale) =>
        readdirSync(join(root, kind, locale)).map((name) => join(root, kind, locale, name)),
      ),
    );
    expect(files.length).toBeGreaterThan(200);
    const refused = files.flatMap((file) =>
      refusals(readFileSync(file, 'utf8')).map((i) => `${file}:${i.line}: ${i.message}`),
    );
    expect(refused).toEqual([]);
  });

  it('tells relative, https and mailto links from everything else', () => {
    expect(urlProblem('../automatic-bids/')).toBeUndefined();
    expect(urlProblem('#fees')).toBeUndefined();
    expect(urlProblem('/en/articles/x/')).toBeUndefined();
    expect(urlProblem('https://example.com')).toBeUndefined();
    expect(urlProblem('MAILTO:help@example.com')).toBeUndefined();
    expect(urlProblem(' JavaScript:alert(1)')).toMatch(/javascript/);
    expect(urlProblem('java\nscript:alert(1)')).toMatch(/javascript/);
    expect(urlProblem('ftp://example.com')).toMatch(/ftp/);
  });
});
