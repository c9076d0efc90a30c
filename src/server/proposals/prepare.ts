/**
 * Turns what the editor sends into a proposal that passed every check: which kind it is (edit,
 * translation, new article), what it is based on, the English revision a translation matches,
 * and the full check of the file (schema, structure, MDX safety). Nothing is stored here.
 */
import { isLocale, sourceLocale, type Locale } from '../../i18n/locales.ts';
import { revisionOf, sourceRevisionOf } from '../../lib/revision.ts';
import { stampRevision, statedSourceRevision } from '../../lib/translation-status.ts';
import { checkProposal, type ProposalIssue } from '../../proposals/check-proposal.ts';
import { feedbackLimits, type ProposalKind } from '../../proposals/vocabulary.ts';
import type { ContentRepository } from '../content/repository.ts';
import { problemTypes, type FieldError, type Problem } from '../problem.ts';
import { idPattern } from '../../lib/ids.ts';

export interface PreparedProposal {
  kind: ProposalKind;
  articleId: string;
  locale: Locale;
  baseRevision: string | null;
  baseText: string | null;
  sourceRevision: string | null;
  text: string;
  title: string;
  note: string | null;
  flagIds: string[];
}

export type Prepared = { ok: true; proposal: PreparedProposal } | { ok: false; problem: Problem };

const FLAG_ID = /^FL-[0-9A-Z]{8}$/;

/**
 * fields: kind? ("new-article"), articleId, locale, text, note?, flagIds?, baseText? (the text
 * the editor opened, for an edit), matchesSource? (a translation now matches the English text).
 * fixed: for an update, the kind, article and base the stored proposal already has.
 */
export function prepareProposal(
  fields: Record<string, unknown>,
  content: ContentRepository,
  fixed?: Pick<PreparedProposal, 'kind' | 'articleId' | 'locale' | 'baseRevision' | 'baseText'>,
): Prepared {
  const errors: FieldError[] = [];
  const locale = fixed?.locale ?? fields['locale'];
  const articleId =
    fixed?.articleId ?? (typeof fields['articleId'] === 'string' ? fields['articleId'].trim() : '');
  if (!isLocale(locale))
    errors.push({ field: 'locale', message: 'must be one of the eight locales' });
  if (!idPattern.test(articleId))
    errors.push({
      field: 'articleId',
      message: 'must be lower case words joined by dashes, for example "paying-by-bank-transfer"',
    });
  const rawText = fields['text'];
  if (typeof rawText !== 'string' || rawText.trim() === '')
    errors.push({ field: 'text', message: 'the article text is empty' });
  const note = typeof fields['note'] === 'string' ? fields['note'].trim() : '';
  if (note.length > feedbackLimits.commentChars)
    errors.push({
      field: 'note',
      message: `keep the note under ${feedbackLimits.commentChars} characters`,
    });
  const flagIds = listOf(fields['flagIds']);
  if (flagIds.length > 20 || flagIds.some((id) => !FLAG_ID.test(id)))
    errors.push({ field: 'flagIds', message: 'list up to 20 flag ids such as FL-7K2M9Q0Z' });
  if (errors.length || !isLocale(locale) || typeof rawText !== 'string') return invalid(errors);
  let text = rawText;

  const english = content.article(sourceLocale, articleId);
  const current = content.article(locale, articleId);
  const kind: ProposalKind =
    fixed?.kind ??
    (fields['kind'] === 'new-article' ? 'new-article' : current ? 'edit' : 'translation');
  if (kind !== 'new-article' && !english)
    return invalid([
      { field: 'articleId', message: `there is no article "${articleId}"; propose a new article` },
    ]);
  if (kind === 'translation' && current && !fixed)
    return invalid([
      {
        field: 'locale',
        message: `"${articleId}" exists in ${locale} already; propose an edit of it`,
      },
    ]);

  let baseText = fixed?.baseText ?? null;
  let baseRevision = fixed?.baseRevision ?? null;
  if (!fixed && kind === 'edit') {
    const opened = fields['baseText'];
    baseText =
      typeof opened === 'string' && opened.length <= feedbackLimits.proposalBytes
        ? opened
        : current!.text;
    baseRevision = revisionOf(baseText);
  }

  // A translation records the English revision it matches; the service stamps it, not the agent.
  let sourceRevision: string | null = null;
  if (locale !== sourceLocale && english) {
    if (kind === 'translation' || isTrue(fields['matchesSource'])) {
      sourceRevision = sourceRevisionOf(english.text);
      try {
        text = stampRevision(text, sourceRevision);
      } catch {
        // No frontmatter: the check below says so, with the line.
      }
    } else {
      sourceRevision = statedSourceRevision(text) ?? null;
    }
  }

  const check = checkProposal(text, { kind, locale, articleId }, content.facts());
  if (!check.ok) return { ok: false, problem: unsafeProblem(check.issues) };
  return {
    ok: true,
    proposal: {
      kind,
      articleId,
      locale,
      baseRevision,
      baseText,
      sourceRevision,
      text,
      title: check.frontmatter.title,
      note: note || null,
      flagIds,
    },
  };
}

/** A refused text: each issue as a field error ("text", line and column) plus the issues as data. */
export function unsafeProblem(issues: readonly ProposalIssue[]): Problem {
  return {
    type: problemTypes.unsafeContent,
    title: 'The article text needs changes before it can be saved',
    status: 422,
    detail: `${issues.length} problem(s) in the text; each says where and what to write instead.`,
    errors: issues.map((issue) => ({
      field: issue.field ? `frontmatter.${issue.field}` : 'text',
      message: `line ${issue.line}, column ${issue.column}: ${issue.message}. ${capitalise(issue.hint)}.`,
    })),
    issues,
  };
}

function invalid(errors: FieldError[]): Prepared {
  return {
    ok: false,
    problem: {
      type: problemTypes.validation,
      title: 'Some fields need fixing',
      status: 422,
      detail: `${errors.length} field(s) are missing or invalid; see errors.`,
      errors,
    },
  };
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on' || value === '1';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
