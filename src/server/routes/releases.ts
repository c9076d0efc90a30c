/**
 * Releases for leads: what is live and kept, the history, "Publish" now or at a time (a job whose
 * progress streams as server-sent events), and rollback to the previous release.
 */
import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { streamSSE } from 'hono/streaming';
import { isLocale, sourceLocale } from '../../i18n/locales.ts';
import type { AppEnv } from '../context.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, notFoundProblem, problemTypes, validationProblem } from '../problem.ts';
import type { ReleaseJobs } from '../releases/jobs.ts';
import type { ReleaseRegistry } from '../releases/registry.ts';
import { rollback } from '../releases/rollback.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';

export function releaseRoutes(deps: {
  registry: ReleaseRegistry;
  jobs: ReleaseJobs;
  now: () => Date;
  /** The zone of times typed without one ("2026-12-01T08:00"): the support team's. */
  timeZone: string;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('lead'));
  const isForm = (c: Context<AppEnv>) =>
    (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  const releasesPage = (fields: Record<string, unknown>, extra = '') =>
    `/agents/${isLocale(fields['uiLocale']) ? fields['uiLocale'] : sourceLocale}/releases/${extra}`;
  const actor = (c: Context<AppEnv>) => {
    const person = c.get('viewer')!.person;
    return person.name ?? person.email;
  };

  routes.get('/', (c) =>
    c.json({
      live: deps.registry.current(),
      previous: deps.registry.previous(),
      releases: deps.registry.list(),
      history: deps.registry.history().slice(-50).reverse(),
      job: deps.jobs.latest() ?? null,
    }),
  );

  routes.post('/', readBodyWithin(4096), (c) => {
    const fields = parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')));
    const at = typeof fields['at'] === 'string' && fields['at'].trim() ? fields['at'].trim() : null;
    let scheduledFor: string | null = null;
    if (at) {
      // A time without a zone (the page's datetime-local field) is the release time zone's.
      const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(at)
        ? Temporal.PlainDateTime.from(at).toZonedDateTime(deps.timeZone).epochMilliseconds
        : Date.parse(at);
      if (Number.isNaN(when) || when < deps.now().getTime() + 60_000)
        throw new ProblemError(
          validationProblem([
            {
              field: 'at',
              message: 'choose a time at least a minute from now, for example 2026-12-01T08:00',
            },
          ]),
        );
      scheduledFor = new Date(when).toISOString();
    }
    const started = deps.jobs.start(actor(c), scheduledFor);
    if ('busy' in started)
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'A release is running',
        status: 409,
        detail: `${started.busy.actor} started a release at ${started.busy.startedAt}; wait for it to finish.`,
        job: started.busy.id,
      });
    if (isForm(c)) return c.redirect(releasesPage(fields, `?job=${started.job.id}`), 303);
    return c.json({ job: started.job }, 202);
  });

  routes.post('/rollback', readBodyWithin(4096), (c) => {
    const fields = parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')));
    const to = typeof fields['to'] === 'string' && fields['to'] ? fields['to'] : undefined;
    const result = rollback(deps.registry, actor(c), to);
    if (!result.ok)
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'No rollback',
        status: 409,
        detail: result.message,
      });
    if (isForm(c)) return c.redirect(releasesPage(fields, '?done=rolled-back'), 303);
    return c.json(result);
  });

  routes.get('/jobs/:id', (c) => {
    const job = deps.jobs.get(c.req.param('id'));
    if (!job) throw new ProblemError(notFoundProblem('There is no such release job.'));
    return c.json({ job });
  });

  // Progress as server-sent events: what happened so far, then each step as it happens.
  routes.get('/jobs/:id/events', (c) => {
    const job = deps.jobs.get(c.req.param('id'));
    if (!job) throw new ProblemError(notFoundProblem('There is no such release job.'));
    return streamSSE(c, async (stream) => {
      for (const event of job.events) await stream.writeSSE({ data: JSON.stringify(event) });
      if (job.state !== 'running') {
        await stream.writeSSE({ event: 'end', data: job.state });
        return;
      }
      await new Promise<void>((resolve) => {
        const unsubscribe = deps.jobs.subscribe(job.id, (event) => {
          if (event === 'end') {
            void stream.writeSSE({ event: 'end', data: job.state }).then(() => {
              unsubscribe();
              resolve();
            });
          } else void stream.writeSSE({ data: JSON.stringify(event) });
        });
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        });
      });
    });
  });

  return routes;
}
