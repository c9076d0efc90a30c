/**
 * The sha256 sources for a page's inline scripts, so the Content-Security-Policy can allow exactly
 * those and nothing injected. Astro inlines small scripts (the tabs' custom element, the sign-in
 * confirmation); data blocks such as `<script type="application/json">` never run and need none.
 */
import { createHash } from 'node:crypto';

const SCRIPT =
  /<script((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** Types a browser runs (HTML's "JavaScript MIME type essence matches", plus module and importmap). */
const EXECUTABLE_TYPE =
  /^(?:|module|importmap|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:javascript1\.[0-5]|jscript|livescript))$/;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE))
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  return attributes;
}

/** The text of every inline script a browser would run, in page order. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = attributesOf(match[1] ?? '');
    if (attributes.has('src')) continue;
    const type = (attributes.get('type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPE.test(type)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

/** A CSP hash source for one script's text, as the browser computes it (after CRLF → LF). */
export function scriptHashSource(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** The distinct hash sources of a page's inline scripts. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map(scriptHashSource))];
}
