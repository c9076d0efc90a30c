/**
 * The internal build's server entry (dist-agents/server/entry.mjs): a plain function the service
 * calls for the pages rendered at request time. It receives the standard Request and the locals
 * (the signed-in person, the service's reads) and returns the Response; it opens nothing itself.
 */
import { createApp } from 'astro/app/entrypoint';

const app = createApp();

export function render(request: Request, locals: object): Promise<Response> {
  return app.render(request, { locals });
}
