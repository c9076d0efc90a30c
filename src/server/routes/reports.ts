/**
 * The leads' reports as data: GET /api/reports (JSON, every table) and
 * GET /api/reports/<table>.csv (one table, headings in ?ui=<locale>), with the same filters as the
 * reports page: ?weeks=1–26, ?locale=<locale>|all, ?team=<team>|all. Leads only.
 */
import { Hono, type Context } from 'hono';
import { isLocale, sourceLocale } from '../../i18n/locales.ts';
import { useTranslations, type UiKey } from '../../i18n/index.ts';
import type { AppEnv } from '../context.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, notFoundProblem, problemTypes, validationProblem } from '../problem.ts';
import { hasRole } from '../auth/roles.ts';
import { toCsv } from '../reports/csv.ts';
import { forRole, parseReportRequest, type ReportDeps } from '../reports/service.ts';
import type { Report, ReportRequest } from '../reports/build.ts';
import { isReportTableId, reportTableIds } from '../reports/tables.ts';

export function reportRoutes(
  deps: Pick<ReportDeps, 'support'> & { report: (request: ReportRequest) => Promise<Report> },
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('manager'));
  const role = (c: Context<AppEnv>) => c.get('viewer')!.person.role;

  const requestOf = (query: Record<string, string>) => {
    const parsed = parseReportRequest(query, deps.support);
    if (!parsed.ok) throw new ProblemError(validationProblem(parsed.errors));
    return parsed.request;
  };

  routes.get('/', async (c) =>
    c.json(forRole(await deps.report(requestOf(c.req.query())), role(c))),
  );

  routes.get('/:file', async (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (!isReportTableId(id))
      throw new ProblemError(
        notFoundProblem(
          `There is no report table "${file}". Ask for one of: ${reportTableIds.map((t) => `${t}.csv`).join(', ')}.`,
        ),
      );
    const query = c.req.query();
    const ui = query.ui && isLocale(query.ui) ? query.ui : sourceLocale;
    if (id === 'comments' && !hasRole(role(c), 'lead'))
      throw new ProblemError({
        type: problemTypes.forbidden,
        title: 'Your role does not allow this',
        status: 403,
        detail:
          'Readers’ comments are shown to content leads only; the other tables are open to you. Ask a content lead if you need the comments.',
      });
    const report = await deps.report(requestOf(query));
    const t = useTranslations(ui);
    const name = `${id}-${report.weeks[0]!.id}-${report.weeks.at(-1)!.id}.csv`;
    return c.body(
      toCsv(report.tables[id], (label) => t(`reports.column.${label}` as UiKey)),
      200,
      {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      },
    );
  });
  return routes;
}
