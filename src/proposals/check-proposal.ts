/**
 * Everything a proposed article file must pass before it is stored, and again before it can ever
 * be committed: size, MDX syntax, the frontmatter schema the build uses, the structure (section,
 * related articles, snippets, pictures, translation rules) and the MDX safety gate. Pure: the
 * service passes in what exists in content/.
 */
import type { Root } from 'mdast';
import { LineCounter, parseDocument } from 'yaml';
import { sourceLocale, type Locale } from '../i18n/locales.ts';
import type { Visibility } from '../lib/content-graph.ts';
import { articleSchema, type ArticleFrontmatter } from '../lib/content-schema.ts';
import { checkMdxSafety, tryParseMdx, type MdxIssue } from './mdx-safety.ts';
import { feedbackLimits, type ProposalKind } from './vocabulary.ts';
import { idPattern } from '../lib/ids.ts';

export interface ProposalIssue extends MdxIssue {
  /** The frontmatter field concerned, when there is one ("section", "related.1"). */
  field?: string;
}

/** What exists in content/ that a proposal may refer to. */
export interface ContentFacts {
  /** Sections of content/structure/sections.yaml. */
  sections: ReadonlyMap<string, Visibility>;
  /** English articles (the sources) and their visibility. */
  englishArticles: ReadonlyMap<string, Visibility>;
  /** Snippet ids in content/snippets/en/. */
  snippets: ReadonlySet<string>;
  /** Picture file names in content/images ("bid-panel.png", "internal/escalation-paths.png"). */
  images: ReadonlySet<string>;
}

export interface ProposalTarget {
  kind: ProposalKind;
  locale: Locale;
  articleId: string;
}

export type ProposalCheck =
  | { ok: true; frontmatter: ArticleFrontmatter; tree: Root }
  | { ok: false; issues: ProposalIssue[] };

export function checkProposal(
  text: string,
  target: ProposalTarget,
  facts: ContentFacts,
): ProposalCheck {
  const issues: ProposalIssue[] = [];
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > feedbackLimits.proposalBytes)
    return refuse({
      line: 1,
      column: 1,
      rule: 'too-large',
      message: `the text is ${Math.ceil(bytes / 1024)} KB; an article may be at most ${feedbackLimits.proposalBytes / 1024} KB`,
      hint: 'split it into two articles and link them',
    });
  if (!idPattern.test(target.articleId))
    issues.push({
      line: 1,
      column: 1,
      rule: 'article-id',
      field: 'id',
      message: `"${target.articleId}" is not an article id`,
      hint: 'use lower case words joined by dashes, for example "paying-by-bank-transfer"',
    });

  const parsed = tryParseMdx(text);
  if (!parsed.ok) return refuse(parsed.issue, ...issues);
  const tree = parsed.tree;
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yaml)
    return refuse(
      {
        line: 1,
        column: 1,
        rule: 'frontmatter-missing',
        message: 'the file must start with its frontmatter between two --- lines',
        hint: 'start with ---, then title:, description:, section: … (content/README.md), then ---',
      },
      ...issues,
    );

  const frontmatter = checkFrontmatter(yaml.value, (yaml.position?.start.line ?? 1) + 1, issues);
  if (frontmatter) checkStructure(frontmatter, target, facts, issues, lineOfField(yaml.value));
  const body = tree.children[1];
  if (frontmatter?.summary && body)
    issues.push({
      line: body.position?.start.line ?? 1,
      column: 1,
      rule: 'summary-with-text',
      field: 'summary',
      message: 'a summary translation (summary: true) has no text of its own',
      hint: 'remove the summary: true line to make this a full translation, or remove the text',
    });
  checkReferences(tree, frontmatter, facts, issues);
  issues.push(...checkMdxSafety(tree));
  if (issues.length > 0 || !frontmatter) return refuse(...issues);
  return { ok: true, frontmatter, tree };
}

function refuse(...issues: ProposalIssue[]): ProposalCheck {
  return {
    ok: false,
    issues: issues.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/** Parses the YAML and runs the build's schema; field errors carry the field's line. */
function checkFrontmatter(
  source: string,
  firstLine: number,
  issues: ProposalIssue[],
): ArticleFrontmatter | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { uniqueKeys: true, lineCounter });
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0];
    issues.push({
      line: firstLine + (position ? position.line - 1 : 0),
      column: position?.col ?? 1,
      rule: 'frontmatter-syntax',
      message: `the frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      hint: 'write one field per line as name: value; put values with a colon in quotes',
    });
    return undefined;
  }
  const result = articleSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const keyLine = node?.range
      ? lineCounter.linePos(node.range[0]).line
      : lineOfField(source)(path[0] ?? '');
    issues.push({
      line: firstLine + keyLine - 1,
      column: 1,
      rule: 'frontmatter-field',
      field: path.join('.') || 'frontmatter',
      message: issue.message,
      hint: 'the fields and their values are listed in content/README.md under "Frontmatter"',
    });
  }
  return undefined;
}

/** 1-based line of a top-level field inside the frontmatter text (1 when absent). */
function lineOfField(source: string): (field: string) => number {
  const lines = source.split('\n');
  return (field) => {
    const index = lines.findIndex((line) => line.startsWith(`${field}:`));
    return index === -1 ? 1 : index + 1;
  };
}

function checkStructure(
  data: ArticleFrontmatter,
  target: ProposalTarget,
  facts: ContentFacts,
  issues: ProposalIssue[],
  lineOf: (field: string) => number,
): void {
  const add = (field: string, rule: string, message: string, hint: string) =>
    issues.push({ line: lineOf(field.split('.')[0]!) + 1, column: 1, field, rule, message, hint });
  const english = facts.englishArticles.get(target.articleId);
  const isSource = target.locale === sourceLocale;

  const section = facts.sections.get(data.section);
  if (section === undefined)
    add(
      'section',
      'unknown-section',
      `section "${data.section}" does not exist`,
      `use one of: ${[...facts.sections.keys()].join(', ')}`,
    );
  else if (data.visibility === 'public' && section === 'internal')
    add(
      'section',
      'public-in-internal-section',
      `a public article cannot be in the internal section "${data.section}"`,
      'set visibility: internal, or pick a public section',
    );

  data.related.forEach((id, index) => {
    const related = facts.englishArticles.get(id);
    if (related === undefined)
      add(
        `related.${index}`,
        'unknown-related',
        `related article "${id}" does not exist`,
        'use the id of an article in content/articles/en/ (its file name without .mdx)',
      );
    else if (data.visibility === 'public' && related === 'internal')
      add(
        `related.${index}`,
        'internal-related',
        `related article "${id}" is internal and cannot be listed on a public article`,
        'remove it from related',
      );
  });

  if (target.kind === 'new-article' && english !== undefined)
    add(
      'id',
      'article-exists',
      `an article "${target.articleId}" exists already`,
      'propose an edit of that article, or choose another id',
    );
  if (target.kind !== 'new-article' && english === undefined)
    add(
      'id',
      'article-missing',
      `there is no article "${target.articleId}" to change`,
      'propose it as a new article',
    );
  if (english !== undefined && !isSource && data.visibility !== english)
    add(
      'visibility',
      'visibility-differs',
      `visibility is "${data.visibility}" but the English article is "${english}"`,
      `write visibility: ${english}`,
    );
  if (isSource && data.summary)
    add(
      'summary',
      'summary-on-source',
      'summary: true is for translations; an English article is the full text',
      'remove the summary line',
    );
  if (isSource && data.sourceRevision)
    add(
      'sourceRevision',
      'source-revision-on-source',
      'English articles are the source and take no sourceRevision',
      'remove the sourceRevision line',
    );
}

/** Snippets and pictures named by components must exist; internal pictures only on internal articles. */
function checkReferences(
  tree: Root,
  data: ArticleFrontmatter | undefined,
  facts: ContentFacts,
  issues: ProposalIssue[],
): void {
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attribute = (name: string) => {
        const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
        return found && typeof found.value === 'string' ? found.value : undefined;
      };
      const start = node.position?.start ?? { line: 1, column: 1 };
      const snippet = node.name === 'Snippet' ? attribute('id') : undefined;
      if (snippet && idPattern.test(snippet) && !facts.snippets.has(snippet))
        issues.push({
          ...start,
          rule: 'unknown-snippet',
          message: `there is no snippet "${snippet}"`,
          hint: `use one of: ${[...facts.snippets].join(', ')}`,
        });
      const src = node.name === 'Figure' ? attribute('src') : undefined;
      if (src && !facts.images.has(src))
        issues.push({
          ...start,
          rule: 'unknown-image',
          message: `there is no picture "${src}" in content/images`,
          hint: 'ask a content lead to add the picture first, then name its file here',
        });
      else if (src?.startsWith('internal/') && data?.visibility !== 'internal')
        issues.push({
          ...start,
          rule: 'internal-image',
          message: `"${src}" is an internal picture and cannot be shown on a public article`,
          hint: 'use a picture from content/images itself, or make the article internal',
        });
    }
    if ('children' in node)
      for (const child of node.children) walk(child as Root['children'][number]);
  };
  walk(tree);
}
