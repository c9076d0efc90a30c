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
