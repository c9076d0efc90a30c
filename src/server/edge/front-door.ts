/**
 * What every request and answer of the Node server goes through, whichever part answers it
 * (pages, the agents' site, the API): paths that could make a redirect leave the site are
 * settled first, and every answer leaves with the security headers; HTML made per request (filled
 * forms, agents' pages, 404 pages) gets its Content-Security-Policy from its own inline scripts
 * and is compressed here, since no build step could.
 */
import { compress } from './compressed-cache.ts';
import { acceptableEncodings } from './encoding.ts';
import { inlineScriptHashes } from './inline-scripts.ts';
import type { PagePolicy } from './page-policy.ts';
import { collapseSeparators, isProtocolRelative, judgePath } from './same-site-path.ts';
import { isHtml, setBaseHeaders, setDocumentHeaders } from './security-headers.ts';
import { MIN_COMPRESS_BYTES } from './static-file.ts';

type Handler = (request: Request) => Response | Promise<Response>;

export function frontDoor(policy: PagePolicy) {
  return async (request: Request, handle: Handler): Promise<Response> => {
    const url = new URL(request.url);
    const verdict = judgePath(url.pathname, url.search, request.method);
    // The API never echoes its path into a Location, and answers its own 404s as problems.
    const api = /^\/api(?:\/|$)/.test(url.pathname);
    if (verdict.kind === 'redirect' || (verdict.kind === 'not-found' && !api)) {
      const headers = new Headers({ 'Cache-Control': 'no-store' });
      setBaseHeaders(headers);
      if (verdict.kind === 'not-found')
        return new Response('Not found', { status: 404, headers: withText(headers) });
      headers.set('Location', verdict.location);
      return new Response(null, { status: 308, headers });
    }
    return finish(request, url.pathname, await handle(request), policy);
  };
}

async function finish(
  request: Request,
  pathname: string,
  answer: Response,
  policy: PagePolicy,
): Promise<Response> {
  const headers = new Headers(answer.headers);
  const location = headers.get('location');
  // Defence in depth: whatever a route echoes, a Location never becomes protocol-relative.
  if (location && isProtocolRelative(location))
    headers.set('Location', collapseSeparators(location));
  setBaseHeaders(headers);
  if (!isHtml(headers) || headers.has('Content-Security-Policy') || answer.body === null)
    return new Response(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers,
    });

  const html = await answer.text();
  setDocumentHeaders(headers, policy(pathname, inlineScriptHashes(html)));
  let body: Uint8Array<ArrayBuffer> = new TextEncoder().encode(html);
  const encoding = acceptableEncodings(request.headers.get('accept-encoding'))[0];
  if (encoding && !headers.has('Content-Encoding') && body.byteLength >= MIN_COMPRESS_BYTES) {
    body = new Uint8Array(compress(body, encoding));
    headers.set('Content-Encoding', encoding);
    headers.append('Vary', 'Accept-Encoding');
  }
  headers.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : body, {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
}

function withText(headers: Headers): Headers {
  headers.set('Content-Type', 'text/plain; charset=UTF-8');
  return headers;
}
