/**
 * For the edge tests: requests sent byte for byte as written (fetch would normalise `/\` and
 * dot segments before they reach the server), and the real builds of this checkout.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from './helpers.ts';

export const realDist = builtDir('dist');
export const realAgentsDist = builtDir('dist-agents');

/** The real build: npm test builds before these tests run; alone, run `npm run build` first. */
function builtDir(name: string): string {
  const dir = join(repoRoot, name);
  if (!existsSync(join(dir, 'index.html')) && !existsSync(join(dir, 'client')))
    throw new Error(
      `the edge tests serve the real build, and ${name}/ has none: run \`npm run build\` first ` +
        '(npm test builds before it runs them)',
    );
  return dir;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET (or another method) with the request target exactly as given. */
export function rawRequest(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        hostname,
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

/**
 * The answer as a Response, with the body exactly as sent: fetch would ask for gzip by itself and
 * decompress what comes back, hiding what the server chose.
 */
export async function rawGet(
  base: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const answer = await rawRequest(base, target, { headers });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      responseHeaders.append(name, one);
  const empty = answer.status === 304 || answer.status === 204;
  return new Response(empty ? null : new Uint8Array(answer.body), {
    status: answer.status,
    headers: responseHeaders,
  });
}
