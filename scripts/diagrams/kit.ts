/**
 * The drawing kit every diagram shares: palette, fonts, text fitting and a few UI-like shapes.
 * Diagrams are drawn on an 800-unit-wide canvas and rendered at 2x (1600 px). Articles show them
 * about 670 CSS px wide, so 17 units is the smallest text that stays at 14 px or more on screen.
 */
import type { Locale } from '../../src/i18n/locales.ts';

export const palette = {
  ink: '#1b2733',
  muted: '#5b6675',
  accent: '#1f4e79',
  accentSoft: '#e8eff7',
  success: '#1f6f43',
  warning: '#b45309',
  surface: '#ffffff',
  wash: '#f5f3ee',
  line: '#d5dbe3',
} as const;

/** Width of the drawing in SVG units; the PNG is rendered at `scale` times this. */
export const canvasWidth = 800;
export const scale = 2;
/** The smallest font size any label may shrink to (≥ 14 CSS px at the article width). */
export const minFontSize = 17;

/** Liberation Sans has Arial's metrics (the estimate below); Korean needs a font with Hangul. */
export function fontFamily(locale: Locale): string {
  return locale === 'ko'
    ? "'Noto Sans CJK KR', 'NanumGothic', 'Noto Sans KR', sans-serif"
    : "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif";
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Advance widths of Arial (= Liberation Sans) in 1/1000 em, for the characters labels use.
const widths: Record<string, number> = {
  ' ': 278,
  '\u00a0': 278,
  '!': 278,
  '"': 355,
  "'": 191,
  '(': 333,
  ')': 333,
  '+': 584,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 278,
  ';': 278,
  '?': 556,
  '€': 556,
  '%': 889,
  '«': 556,
  '»': 556,
  '–': 556,
  '—': 1000,
  '’': 222,
  '‘': 222,
  '“': 333,
  '”': 333,
  '…': 1000,
  '≥': 549,
  '·': 278,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  ß: 611,
};
const wideCyrillic = new Set([...'жшщюыЖШЩЮЫмМ']);

/** Estimated width of one character in em: Arial metrics, Cyrillic and Hangul by class. */
function charWidth(char: string, bold: boolean): number {
  let em: number;
  if (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char)) em = 0.93;
  else if (/[0-9]/.test(char)) em = 0.556;
  else if (widths[char] !== undefined) em = widths[char] / 1000;
  else if (/[\u0400-\u04ff]/.test(char))
    em = wideCyrillic.has(char) ? 0.78 : char === char.toUpperCase() ? 0.68 : 0.56;
  else {
    const base = char.normalize('NFD')[0] ?? char;
    em = widths[base] !== undefined ? widths[base] / 1000 : 0.6;
  }
  return bold ? em * 1.08 : em;
}

/** Estimated width of a text in SVG units; slightly generous so real text never overflows. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charWidth(char, bold);
  return em * size * 1.03;
}

export interface FitOptions {
  /** The widest a line may be, in SVG units. */
  width: number;
  /** Preferred font size; shrinks in steps of 1 down to `min` until the text fits. */
  size: number;
  min?: number;
  maxLines?: number;
  bold?: boolean;
}

export interface FittedText {
  lines: string[];
  size: number;
}

/** Thrown when a label cannot fit its box even at the smallest size: shorten the label. */
export class LabelTooLong extends Error {}

/** Words to wrap between; a number stays with the word after it ("3 days", "14 Tage"). */
function wordsOf(text: string): string[] {
  const result: string[] = [];
  for (const word of text.split(/ +/)) {
    const previous = result.at(-1);
    if (previous !== undefined && /^[+\d.,]+$/.test(previous.split(' ').at(-1) ?? ''))
      result[result.length - 1] = `${previous} ${word}`;
    else result.push(word);
  }
  return result;
}

function wrap(text: string, width: number, size: number, bold: boolean): string[] {
  const words = wordsOf(text);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps a label into at most `maxLines` lines of at most `width`, shrinking the font when needed.
 * Korean has spaces between words too, so wrapping at spaces works for every locale here.
 */
export function fitText(text: string, options: FitOptions): FittedText {
  const { width, size, min = minFontSize, maxLines = 1, bold = false } = options;
  for (let s = size; s >= min; s--) {
    const lines = wrap(text, width, s, bold);
    if (lines.length <= maxLines && lines.every((line) => textWidth(line, s, bold) <= width))
      return { lines, size: s };
  }
  throw new LabelTooLong(
    `"${text}" does not fit in ${maxLines} line(s) of ${width} units, even at ${min} px`,
  );
}

export interface TextOptions extends FitOptions {
  x: number;
  /** Baseline of the first line. */
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  lineHeight?: number;
  /** Shift the block up by half its extra lines, so it stays centred on `y`. */
  centreVertically?: boolean;
  underline?: boolean;
}

/** A fitted, possibly wrapped label. Returns the SVG and the height the block takes. */
export function label(text: string, options: TextOptions): { svg: string; height: number } {
  const fitted = fitText(text, options);
  const lineHeight = options.lineHeight ?? Math.round(fitted.size * 1.3);
  const extra = (fitted.lines.length - 1) * lineHeight;
  const top = options.centreVertically ? options.y - extra / 2 : options.y;
  const tspans = fitted.lines
    .map(
      (line, i) => `<tspan x="${options.x}" y="${top + i * lineHeight}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  const attributes = [
    `font-size="${fitted.size}"`,
    `fill="${options.fill ?? palette.ink}"`,
    `text-anchor="${options.anchor ?? 'start'}"`,
    options.bold ? 'font-weight="bold"' : '',
    options.underline ? 'text-decoration="underline"' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { svg: `<text ${attributes}>${tspans}</text>`, height: fitted.size + extra };
}

/**
 * The whole picture: its own light background inside a subtle rounded border, so it sits as
 * well on a dark page as on a light one (the corners outside the border stay transparent).
 */
export function frame(locale: Locale, height: number, body: string): string {
  const w = canvasWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w * scale}" height="${height * scale}" viewBox="0 0 ${w} ${height}" font-family="${escapeXml(fontFamily(locale))}" lang="${locale}">
<defs><filter id="shadow" x="-10%" y="-10%" width="120%" height="130%"><feDropShadow dx="0" dy="2" stdDeviation="4" flood-color="${palette.ink}" flood-opacity="0.08"/></filter></defs>
<rect x="1" y="1" width="${w - 2}" height="${height - 2}" rx="18" fill="${palette.wash}" stroke="${palette.line}" stroke-width="2"/>
${body}
</svg>`;
}

/** A white rounded card with a hairline border and a soft shadow. */
export function card(
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string = palette.surface,
): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${fill}" stroke="${palette.line}" stroke-width="1.5" filter="url(#shadow)"/>`;
}

/** A filled button with its text, centred; the text shrinks or wraps to two lines if it must. */
export function button(
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string = palette.accent,
): string {
  const fitted = label(text, {
    x: x + w / 2,
    y: y + h / 2 + 7,
    width: w - 32,
    size: 20,
    maxLines: 2,
    bold: true,
    anchor: 'middle',
    fill: palette.surface,
    centreVertically: true,
  });
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${fill}"/>${fitted.svg}`;
}

/** An input field; `focused` draws the accent focus ring. */
export function field(x: number, y: number, w: number, h: number, focused = false): string {
  const ring = focused
    ? `<rect x="${x - 4}" y="${y - 4}" width="${w + 8}" height="${h + 8}" rx="12" fill="none" stroke="${palette.accentSoft}" stroke-width="6"/>`
    : '';
  return `${ring}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="9" fill="${palette.surface}" stroke="${focused ? palette.accent : palette.line}" stroke-width="${focused ? 2 : 1.5}"/>`;
}

/** A straight arrow from (x1, y1) to (x2, y2) with a filled head. */
export function arrow(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  colour: string = palette.muted,
): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = 11;
  const bx = x2 - head * Math.cos(angle);
  const by = y2 - head * Math.sin(angle);
  const px = (head / 2) * Math.sin(angle);
  const py = (head / 2) * Math.cos(angle);
  return `<line x1="${x1}" y1="${y1}" x2="${bx}" y2="${by}" stroke="${colour}" stroke-width="2.5" stroke-linecap="round"/><polygon points="${x2},${y2} ${bx + px},${by - py} ${bx - px},${by + py}" fill="${colour}"/>`;
}

/** Fills "{amount}"-style placeholders in a label. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}
