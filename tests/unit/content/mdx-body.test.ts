import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodySegments, mdxBody } from '../../../src/components/mdx/mdx-body.ts';

const html = (text: string) =>
  bodySegments(mdxBody(text, 'content/articles/en/x.mdx').nodes)
    .map((segment) => (segment.kind === 'html' ? segment.html : `[${segment.name}]`))
    .join('');

describe('article bodies rendered from their tree', () => {
  it('serialises Markdown byte for byte as Sätteri (and so the compiled MDX) does', () => {
    // Smart punctuation, entities, links with & in them, tables, code, nested lists.
    const markdown = [
      'Fees & charges: "quoted", it\'s 5 > 3 and 2 < 4 -- see... [the terms](https://example.com/?a=1&b=2 "T & C").',
      '',
      '| Lot | Fee |\n| --- | ---: |\n| A & B | 5 % |',
      '',
      '- one\n  1. nested `a < b && c`\n- *two* **three** ~~four~~',
      '',
      '```\nif (a < b) { return "x"; }\n```',
      '',
      '> Quote with \\<br> text\\',
      'and a hard break.',
    ].join('\n');
    const expected = markdownToHtml(markdown, {
      features: { gfm: true, smartPunctuation: true, frontmatter: true },
    }).html;
    // The whole-document serialiser ends with a newline the MDX output does not have.
    expect(html(markdown)).toBe(expected.replace(/\n$/, ''));
  });

  it('cuts the HTML at every author component, inside lists and paragraphs too', () => {
    const segments = bodySegments(
      mdxBody(
        [
          'Before.',
          '',
          '<Steps>',
          '1. Open **Account**.',
          '2. Choose <Snippet id="secure-your-account" /> here.',
          '</Steps>',
          '',
          '<Callout type="tip" title="A & B">',
          'Inside.',
          '</Callout>',
        ].join('\n'),
        'x.mdx',
      ).nodes,
    );
    expect(segments.map((s) => (s.kind === 'html' ? 'html' : s.name))).toEqual([
      'html',
      'Steps',
      'html',
      'Callout',
    ]);
    const callout = segments[3]!;
    expect(callout.kind === 'component' && callout.props).toEqual({ type: 'tip', title: 'A & B' });
    const steps = segments[1]!;
    if (steps.kind !== 'component') throw new Error('expected Steps');
    const inner = bodySegments(steps.children);
    expect(inner.map((s) => (s.kind === 'html' ? s.html : `[${s.name}]`)).join('')).toBe(
      '<ol>\n<li>Open <strong>Account</strong>.</li>\n<li>Choose [Snippet] here.</li>\n</ol>',
    );
  });

  it('gives headings ids in document order, those inside components included', () => {
    const body = mdxBody(
      [
        '## Fees',
        '',
        '<Tabs>',
        '<Tab label="Card">',
        '## Fees',
        '</Tab>',
        '</Tabs>',
        '',
        '## Fees',
        '### Café *prices*',
      ].join('\n'),
      'x.mdx',
    );
    expect(body.headings).toEqual([
      { depth: 2, slug: 'fees', text: 'Fees' },
      { depth: 2, slug: 'fees-1', text: 'Fees' },
      { depth: 2, slug: 'fees-2', text: 'Fees' },
      { depth: 3, slug: 'café-prices', text: 'Café prices' },
    ]);
    expect(html('## Fees\n\nText')).toBe('<h2 id="fees">Fees</h2>\n<p>Text</p>');
  });

  it('lets MDX comments through and renders nothing for them', () => {
    expect(html('A {/* a note for writers */} B')).toBe('<p>A  B</p>');
  });

  it('refuses what would need code to run, naming the file, line and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdx-body-'));
    const file = join(dir, 'lot.mdx');
    const refused = (body: string) => {
      writeFileSync(file, `---\ntitle: T\ndescription: D\n---\n\nFirst line.\n\n${body}\n`);
      try {
        mdxBody(`\nFirst line.\n\n${body}\n`, file);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`accepted: ${body}`);
    };
    expect(refused('Total: {price * 2}')).toMatch(
      new RegExp(`^${file}:8:8: a JavaScript expression \\{…\\} cannot be part of an article`),
    );
    expect(refused("import X from './x.js'")).toMatch(/:8:1: import and export are not needed/);
    expect(refused('<Video src="a.mp4" />')).toMatch(
      /:8:1: <Video> is not a component articles can use\. Use Markdown or one of: Callout, Details, Figure, Snippet, Steps, Tab, Tabs/,
    );
    expect(refused('<Callout type={kind}>x</Callout>')).toMatch(
      /<Callout> takes only literal text attributes.*remove the value of type/,
    );
    expect(refused('<Callout {...props}>x</Callout>')).toMatch(/remove the \{…\}/);
    expect(refused('<Details summary="Q" onClick="x()">A</Details>')).toMatch(
      /<Details> has no attribute onClick\. It takes summary\./,
    );
    expect(refused('<script>alert(1)</script>')).toMatch(/<script> is not a component/);
    expect(refused('Press <Enter to bid.')).toMatch(
      /lot\.mdx:8:\d+: this is not valid MDX: .*needs a backslash before it/,
    );
  });
});
