/**
 * Problem responses (RFC 9457, `application/problem+json`). Every error the service sends goes
 * through here, so clients can rely on a stable `type` per kind of failure, a human `title`, the
 * HTTP `status` and an `errors` list that names each field that needs fixing (empty when the
 * problem is not about one field).
 */

/** One field that needs fixing, named as the client sent it (`subject`, `suggestedArticles.2`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  /** Stable URI of the kind of problem; clients branch on this, never on `title`. */
  type: string;
  /** Short human summary, the same for every occurrence of the type. */
  title: string;
  status: number;
  /** What went wrong this time, in a sentence. */
  detail?: string;
  errors?: FieldError[];
  /** Extension members (for example `line` and `column` of a JSON syntax error). */
  [extension: string]: unknown;
}

export const problemTypes = {
  validation: '/problems/validation',
  malformedBody: '/problems/malformed-body',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  spamSuspected: '/problems/spam-suspected',
  rateLimited: '/problems/rate-limited',
  crossSiteRequest: '/problems/cross-site-request',
  signInRequired: '/problems/sign-in-required',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  unsafeContent: '/problems/unsafe-content',
  signInUnavailable: '/problems/sign-in-unavailable',
  idempotencyKeyReused: '/problems/idempotency-key-reused',
  invalidParameters: '/problems/invalid-parameters',
  notFound: '/problems/not-found',
  methodNotAllowed: '/problems/method-not-allowed',
  unavailable: '/problems/unavailable',
  /** A webhook without a valid, recent signature (401). */
  invalidSignature: '/problems/invalid-signature',
  /** A helpdesk event that is not well formed (400, with per-field errors). */
  invalidEvent: '/problems/invalid-event',
  /**
   * The database cannot take the request now: disk full, read-only, I/O error, a lock held too
   * long, a file that cannot be opened (503 with Retry-After; nothing was stored).
   */
  databaseUnavailable: '/problems/database-unavailable',
  internal: '/problems/internal-error',
} as const;

/** Thrown by helpers deep in a request; the app's error handler turns it into the response. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.headers = headers;
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const body = { ...problem, errors: problem.errors ?? [] };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { ...headers, 'Content-Type': 'application/problem+json' },
  });
}

/**
 * Zod's issues as a problem's field errors: the dotted path of the field, or `whole` (such as
 * "(body)") when the issue is about the input as a whole.
 */
export function fieldErrorsOf(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  whole = '(body)',
): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || whole,
    message: issue.message,
  }));
}

/**
 * The zod `error` of a required field: "is required" only when the field is missing; a value of
 * the wrong type or not in the list gets `wrong`, which says what the field must be (a number
 * sent as a topic is not a missing topic).
 */
export function missingOr(field: string, wrong: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${field} is required` : wrong;
}

export function validationProblem(errors: FieldError[], detail?: string): Problem {
  return {
    type: problemTypes.validation,
    title: 'Some fields need fixing',
    status: 422,
    detail: detail ?? `${errors.length} field(s) are missing or invalid; see errors.`,
    errors,
  };
}

export function notFoundProblem(detail: string): Problem {
  return { type: problemTypes.notFound, title: 'Not found', status: 404, detail };
}

/** Seconds a client (or load balancer) waits before trying again after a database fault. */
export const databaseRetryAfterSeconds = 30;

/**
 * 503 for a database fault. `reason` goes only where the operator looks (the health check):
 * readers learn that nothing was stored and when to try again, not the state of our disks.
 */
export function databaseUnavailableProblem(reason?: { database: string; detail: string }): Problem {
  return {
    type: problemTypes.databaseUnavailable,
    title: 'The database is not available right now',
    status: 503,
    detail:
      reason?.detail ??
      'The request was not completed and nothing was stored. Try again in ' +
        `${databaseRetryAfterSeconds} seconds.`,
    ...(reason ? { database: reason.database } : {}),
  };
}
