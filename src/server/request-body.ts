/**
 * Reading a request body into plain fields: JSON from scripts, or an HTML form post
 * (application/x-www-form-urlencoded) from a page whose scripts are off.
 */
import { ProblemError, problemTypes } from './problem.ts';
import { findJsonSyntaxError } from './tickets/json-syntax.ts';

export type BodyKind = 'json' | 'form';

const TICKET_LIST_FIELDS = new Set(['suggestedArticles', 'openedArticles']);

/** Which body the Content-Type announces; anything else is refused with 415. */
export function bodyKindOf(contentType: string | undefined): BodyKind {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  const type = mediaType.trim().toLowerCase();
  const kind =
    type === 'application/json'
      ? 'json'
      : type === 'application/x-www-form-urlencoded'
        ? 'form'
        : null;
  if (kind && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return kind;
  throw new ProblemError(
    {
      type: problemTypes.unsupportedMediaType,
      title: 'Unsupported content type',
      status: 415,
      detail:
        `Content-Type "${contentType ?? '(none)'}" is not accepted; send application/json or ` +
        'application/x-www-form-urlencoded, in UTF-8.',
    },
    { 'Accept-Post': 'application/json, application/x-www-form-urlencoded' },
  );
}

export function parseTicketBody(bytes: Uint8Array, kind: BodyKind): Record<string, unknown> {
  return parseBody(bytes, kind, TICKET_LIST_FIELDS);
}

/** The fields of a body; in a form, the names in listFields may repeat and become lists. */
export function parseBody(
  bytes: Uint8Array,
  kind: BodyKind,
  listFields: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const text = decodeUtf8(bytes);
  return kind === 'json' ? parseJsonObject(text) : parseForm(text, listFields);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw malformed('The body is not valid UTF-8 text; send it encoded as UTF-8.');
  }
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw malformed('The body is empty; send a JSON object with the fields.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    if (!syntax) throw malformed(`The body is not valid JSON: ${String(error)}`);
    const { line, column, expected, found } = syntax;
    throw malformed(
      `The body is not valid JSON: at line ${line}, column ${column} expected ${expected}, found ${found}.`,
      { line, column },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed('The body must be a JSON object such as {"email": "…", "subject": "…"}.');
  }
  return value as Record<string, unknown>;
}

function parseForm(text: string, listFields: ReadonlySet<string>): Record<string, unknown> {
  const params = new URLSearchParams(text);
  const fields: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    fields[name] = listFields.has(name) ? params.getAll(name) : params.get(name);
  }
  return fields;
}

function malformed(detail: string, extensions: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({
    type: problemTypes.malformedBody,
    title: 'The request body could not be read',
    status: 400,
    detail,
    ...extensions,
  });
}
