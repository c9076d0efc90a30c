/**
 * What the app answers for an error nothing else turned into a response (app.onError): a
 * catalogued problem as it is; a database fault as 503 with Retry-After and one log line, since
 * the service recovers by itself once the fault goes; a client that went away mid-body as one
 * line; anything else as a 500 whose stack goes to the log and whose cause stays there.
 */
import type { Context } from 'hono';
import type { Logger } from './log.ts';
import { ClientWentAwayError } from './middleware/body-limit.ts';
import {
  ProblemError,
  databaseRetryAfterSeconds,
  databaseUnavailableProblem,
  problemResponse,
  problemTypes,
} from './problem.ts';
import { databaseFaultDescriptions, databaseFaultOf } from './store/faults.ts';

export function failureResponse(error: Error, c: Context, log: Logger): Response {
  const request = `${c.req.method} ${c.req.path}`;
  if (error instanceof ClientWentAwayError) {
    log.info(`client went away before its request body arrived: ${request}`);
    return problemResponse(error.problem, error.headers);
  }
  if (error instanceof ProblemError) return problemResponse(error.problem, error.headers);
  const fault = databaseFaultOf(error);
  if (fault) {
    log.error(
      `${request}: answered 503, ${databaseFaultDescriptions[fault.kind]} (${fault.driverMessage})`,
    );
    return problemResponse(databaseUnavailableProblem(), {
      'Retry-After': String(databaseRetryAfterSeconds),
    });
  }
  log.error(`${request} failed`, error);
  return problemResponse({
    type: problemTypes.internal,
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The request was not completed. Try again in a minute.',
  });
}
