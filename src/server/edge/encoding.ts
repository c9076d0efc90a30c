/** Content-Encoding negotiation from Accept-Encoding (RFC 9110 §12.5.3). */

export type Encoding = 'br' | 'gzip';

/** Ours, best first: brotli is 15–20 % smaller than gzip on text. */
const PREFERRED: readonly Encoding[] = ['br', 'gzip'];

/** The encodings the client accepts, ours first, best quality first; empty for identity only. */
export function acceptableEncodings(header: string | null | undefined): Encoding[] {
  if (!header) return [];
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name.trim()) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const qualityOf = (encoding: Encoding) =>
    quality.get(encoding) ??
    (encoding === 'gzip' ? quality.get('x-gzip') : undefined) ??
    quality.get('*') ??
    0;
  return PREFERRED.map((encoding, order) => ({ encoding, order, q: qualityOf(encoding) }))
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((entry) => entry.encoding);
}

/** The encoding to answer with, or undefined for the bytes as they are. */
export function negotiateEncoding(header: string | null | undefined): Encoding | undefined {
  return acceptableEncodings(header)[0];
}

/** Types worth compressing: text, and the structured text formats the build writes. */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  return /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json|ld\+json)|image\/svg\+xml)/i.test(
    contentType,
  );
}
