/**
 * The shape of the leads' reports: named tables of typed columns. The page renders them (with a
 * chart where one helps), the CSV route exports the same rows, so what a lead reads and what they
 * download can never disagree. Column labels are i18n keys (reports.column.*).
 */

export const reportTableIds = [
  'self-service',
  'deflection',
  'sla',
  'at-risk-now',
  'channels',
  'topics',
  'no-result',
  'no-click',
  'flagged',
  'least-helpful',
  'comments',
  'translations',
  'overdue',
  'delivery',
] as const;
export type ReportTableId = (typeof reportTableIds)[number];

export function isReportTableId(value: string): value is ReportTableId {
  return (reportTableIds as readonly string[]).includes(value);
}

/**
 * How a cell is shown: count (whole number), share (0–1, shown as a percentage), ratio (one
 * decimal), hours (one decimal), text; article, locale and topic are ids the page turns into a
 * link, a language name or the topic's title; week and day are ISO.
 */
export type ColumnKind =
  | 'text'
  | 'count'
  | 'share'
  | 'ratio'
  | 'hours'
  | 'article'
  | 'locale'
  | 'team'
  | 'topic'
  | 'week'
  | 'day';

export interface ReportColumn {
  key: string;
  /** i18n key of the heading, under reports.column. */
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  id: ReportTableId;
  columns: ReportColumn[];
  rows: Array<Record<string, Cell>>;
}

const column = (key: string, kind: ColumnKind, label = key): ReportColumn => ({
  key,
  label,
  kind,
});

/** The columns of every table, in the order shown and exported. */
export const reportColumns: Record<ReportTableId, ReportColumn[]> = {
  'self-service': [
    column('week', 'week'),
    column('locale', 'locale'),
    column('visitors', 'count'),
    column('tickets', 'count'),
    column('selfServiceRatio', 'ratio'),
  ],
  deflection: [
    column('week', 'week'),
    column('locale', 'locale'),
    column('contactVisits', 'count'),
    column('visitsOpened', 'count'),
    column('deflected', 'count'),
    column('deflectionRate', 'share'),
    column('tickets', 'count'),
    column('ticketsAfterSuggestion', 'count'),
  ],
  sla: [
    column('week', 'week'),
    column('team', 'team'),
    column('tickets', 'count'),
    column('replied', 'count'),
    column('withinTarget', 'count'),
    column('breached', 'count'),
    column('attainment', 'share'),
    column('medianHours', 'hours'),
    column('p90Hours', 'hours'),
  ],
  'at-risk-now': [
    column('team', 'team'),
    column('awaiting', 'count'),
    column('atRisk', 'count'),
    column('breached', 'count'),
  ],
  channels: [column('week', 'week'), column('channel', 'text'), column('tickets', 'count')],
  topics: [column('week', 'week'), column('topic', 'topic'), column('tickets', 'count')],
  'no-result': [
    column('locale', 'locale'),
    column('query', 'text'),
    column('count', 'count', 'noResultSearches'),
  ],
  'no-click': [
    column('locale', 'locale'),
    column('query', 'text'),
    column('searches', 'count'),
    column('count', 'count', 'noClickSearches'),
  ],
  flagged: [
    column('article', 'article'),
    column('locale', 'locale'),
    column('flags', 'count'),
    column('supporters', 'count'),
    column('open', 'count'),
    column('reasons', 'text'),
  ],
  'least-helpful': [
    column('article', 'article'),
    column('locale', 'locale'),
    column('revision', 'text'),
    column('yes', 'count'),
    column('no', 'count'),
    column('helpfulShare', 'share'),
    column('reasons', 'text'),
  ],
  comments: [
    column('day', 'day'),
    column('article', 'article'),
    column('locale', 'locale'),
    column('reason', 'text'),
    column('comment', 'text'),
  ],
  translations: [
    column('locale', 'locale'),
    column('current', 'count'),
    column('outdated', 'count'),
    column('summary', 'count'),
    column('missing', 'count'),
    column('outdatedArticles', 'text'),
  ],
  overdue: [
    column('owner', 'text'),
    column('article', 'article'),
    column('reason', 'text'),
    column('reviewBy', 'day'),
  ],
  delivery: [
    column('target', 'text'),
    column('pending', 'count'),
    column('delivered', 'count'),
    column('dead', 'count'),
  ],
};
