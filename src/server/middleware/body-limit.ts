/**
 * Reads the request body once, refusing it with 413 as soon as it grows past the limit, whether
 * the client announced its length or streams it in chunks.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ProblemError, problemTypes } from '../problem.ts';

export function readBodyWithin(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () =>
    new ProblemError({
      type: problemTypes.payloadTooLarge,
      title: 'Request body too large',
      status: 413,
      detail: `The body is larger than ${maxBytes} bytes (${Math.round(maxBytes / 1024)} KiB); shorten the message.`,
    });

  return async (c, next) => {
    const announced = Number(c.req.header('content-length'));
    if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge();
    const body = await readBodyBytes(c.req.raw, maxBytes);
    if (!body) throw tooLarge();
    c.set('body', body);
    await next();
  };
}

/**
 * The body of a request not read yet, or undefined once it grows past maxBytes (the rest is not
 * read). Also for a middleware that needs the body after an earlier one refused the request.
 * Throws a 400 problem when the client goes away before the body ends: an abandoned upload is
 * the client's doing, not a failure on our side.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw new ClientWentAwayError();
      });
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The client closed the connection before its body arrived whole (Node fails the body stream
 * with "aborted", ECONNRESET). Its own class so the app logs it as one line, not as a failure.
 */
export class ClientWentAwayError extends ProblemError {
  constructor() {
    super({
      type: problemTypes.malformedBody,
      title: 'The request body could not be read',
      status: 400,
      detail: 'The connection closed before the whole body arrived; send the request again.',
    });
    this.name = 'ClientWentAwayError';
  }
}
