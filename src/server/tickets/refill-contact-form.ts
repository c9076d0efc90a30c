/**
 * The built contact page, filled in again with what the reader sent and what needs fixing: the
 * answer to a form post without scripts that the service refused, so the reader is back on the
 * page they know, in their language, with every word they typed.
 *
 * The page is parsed with htmlparser2 to find the elements (by the form's marker, names, ids and
 * classes, never by position, since the page's layout changes), and only those elements' start
 * tags and contents are rewritten; every other byte of the page stays as it was built.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { contactFormParts, escapeHtml, markers } from '../../lib/page-markers.ts';

export interface ContactFormRefill {
  /**
   * Values to put back, by control name (`email`, `role`, `articleId`…). Controls not named here
   * keep what the page was built with (the `locale` input, the honeypot).
   */
  values: Readonly<Record<string, string>>;
  /** Localised message per control name, in the order the summary lists them. */
  fieldErrors: Readonly<Record<string, string>>;
  /** Localised messages about the request as a whole (rate limit, too large…). */
  formErrors: readonly string[];
  /** The document title from the page's own ("Error: Contact support · …"). */
  title: (builtTitle: string) => string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const CONTROLS = new Set(['input', 'textarea', 'select']);
const NOT_TYPED = new Set(['submit', 'button', 'image', 'file', 'reset']);

/** The page filled in, or undefined when it has no contact form to fill. */
export function refillContactForm(html: string, refill: ContactFormRefill): string | undefined {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const form = DomUtils.findOne((el) => markers.contactForm in el.attribs, document.children);
  if (!form) return undefined;
  const edits: Edit[] = [];
  const page = new Page(html, edits);

  const controls = DomUtils.findAll(
    (el) => CONTROLS.has(el.name) && el.attribs['name'] !== undefined,
    form.children,
  );
  for (const control of controls) page.refillControl(control, refill);

  const summaryItems: string[] = [];
  for (const [name, message] of Object.entries(refill.fieldErrors)) {
    const control = controls.find((el) => el.attribs['name'] === name);
    const slotId = errorSlotId(control, name);
    const slot = DomUtils.getElementById(slotId, form.children);
    if (slot) page.show(slot, escapeHtml(message));
    const target = control?.attribs['id'] ?? (slot ? slotId : undefined);
    summaryItems.push(
      target
        ? `<li><a href="#${escapeHtml(target)}">${escapeHtml(message)}</a></li>`
        : `<li>${escapeHtml(message)}</li>`,
    );
  }
  for (const message of refill.formErrors) summaryItems.push(`<li>${escapeHtml(message)}</li>`);

  const summary = DomUtils.findOne(
    (el) => hasClass(el, contactFormParts.errorSummary),
    form.children,
  );
  const list = summary && DomUtils.findOne((el) => el.name === 'ul', summary.children);
  if (!summary || !list) return undefined;
  // Focused on load, so screen readers read what needs fixing first (GOV.UK does it with a script).
  page.setAttributes(summary, { hidden: undefined, autofocus: '' });
  page.replaceContent(list, summaryItems.join(''));

  const title = DomUtils.findOne((el) => el.name === 'title', document.children);
  if (title) page.replaceContent(title, escapeHtml(refill.title(DomUtils.textContent(title))));

  return applyEdits(html, edits);
}

/** The id of a control's error message: `<id>-error`, or `contact-<name>-error` for radios. */
function errorSlotId(control: Element | undefined, name: string): string {
  const id = control?.attribs['id'];
  return id ? `${id}-error` : `contact-${name}-error`;
}

function hasClass(el: Element, name: string): boolean {
  return (el.attribs['class'] ?? '').split(/\s+/).includes(name);
}

/** Collects edits to the original text of the page; ranges never overlap. */
class Page {
  readonly #html: string;
  readonly #edits: Edit[];

  constructor(html: string, edits: Edit[]) {
    this.#html = html;
    this.#edits = edits;
  }

  refillControl(control: Element, refill: ContactFormRefill): void {
    const name = control.attribs['name']!;
    const value = refill.values[name];
    const invalid = Object.hasOwn(refill.fieldErrors, name) ? 'true' : undefined;
    if (control.name === 'select') {
      this.setAttributes(control, { 'aria-invalid': invalid });
      if (value === undefined) return;
      for (const option of DomUtils.findAll((el) => el.name === 'option', control.children)) {
        const optionValue = option.attribs['value'] ?? DomUtils.textContent(option);
        this.setAttributes(option, { selected: optionValue === value ? '' : undefined });
      }
      return;
    }
    if (control.name === 'textarea') {
      this.setAttributes(control, { 'aria-invalid': invalid });
      // The parser drops one newline right after <textarea>: a leading one needs a second.
      if (value !== undefined)
        this.replaceContent(control, (/^\r?\n/.test(value) ? '\n' : '') + escapeHtml(value));
      return;
    }
    const type = (control.attribs['type'] ?? 'text').toLowerCase();
    if (NOT_TYPED.has(type)) return;
    const changes: Record<string, string | undefined> = { 'aria-invalid': invalid };
    if (value !== undefined) {
      if (type === 'radio' || type === 'checkbox')
        changes['checked'] = control.attribs['value'] === value ? '' : undefined;
      else changes['value'] = value;
    }
    this.setAttributes(control, changes);
  }

  /** Un-hides an element and gives it new content (HTML). */
  show(el: Element, content: string): void {
    this.setAttributes(el, { hidden: undefined });
    this.replaceContent(el, content);
  }

  /** Rewrites the start tag with attributes set (a string) or removed (undefined). */
  setAttributes(el: Element, changes: Record<string, string | undefined>): void {
    const attribs: Record<string, string> = { ...el.attribs };
    let changed = false;
    for (const [name, value] of Object.entries(changes)) {
      if (attribs[name] === value) continue;
      if (value === undefined && !(name in attribs)) continue;
      if (value === undefined) delete attribs[name];
      else attribs[name] = value;
      changed = true;
    }
    if (!changed) return;
    const text = Object.entries(attribs)
      .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
      .join('');
    this.#edits.push({
      start: el.startIndex!,
      end: this.#startTagEnd(el),
      text: `<${el.name}${text}>`,
    });
  }

  /** Replaces everything between the start and the end tag. */
  replaceContent(el: Element, content: string): void {
    const end = this.#endTagStart(el);
    if (end === undefined) throw new Error(`<${el.name}> has no end tag in the built page`);
    this.#edits.push({ start: this.#startTagEnd(el), end, text: content });
  }

  /** Index just after the start tag's `>`. */
  #startTagEnd(el: Element): number {
    const first: AnyNode | undefined = el.children[0];
    if (first?.startIndex != null) return first.startIndex;
    const end = this.#endTagStart(el);
    return end ?? el.endIndex! + 1;
  }

  /** Index of the `</name>` that closes the element, when it is written out. */
  #endTagStart(el: Element): number | undefined {
    const at = this.#html.lastIndexOf('</', el.endIndex!);
    const written = this.#html.slice(at + 2, at + 2 + el.name.length).toLowerCase() === el.name;
    return at >= el.startIndex! && written ? at : undefined;
  }
}

function applyEdits(html: string, edits: Edit[]): string {
  let result = html;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
