/** Per-request values shared by the middleware and the routes of the service. */
import type { Viewer } from './auth/sessions.ts';

export interface AppEnv {
  Variables: {
    /** The request body, read once and bounded by the body-limit middleware. */
    body: Uint8Array;
    /** Who is asking, for the rate limit: the socket address or the trusted proxy's header. */
    clientAddress: string;
    /** The signed-in person and their session, when the request carries a valid session. */
    viewer: Viewer | undefined;
  };
}
