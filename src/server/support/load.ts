import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { categorySchema } from '../../lib/structure-schema.ts';
import {
  calendarsFileSchema,
  schedulesFileSchema,
  slaPoliciesFileSchema,
  teamsFileSchema,
  topicsFileSchema,
} from './schema.ts';
import { assembleSupportConfig } from './assemble.ts';
import type { SupportConfig } from './types.ts';

export type { Channel, Priority, SlaPolicy, SupportConfig, Team, Topic } from './types.ts';

/**
 * Reads content/support/*.yaml once, checks every file against its schema and the files against
 * each other, and returns the support configuration the service and the contact page use.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const defaultDir = fileURLToPath(new URL('../../../content/support/', import.meta.url));
const repoCategoriesFile = join(repoRoot, 'content/structure/categories.yaml');

/**
 * Categories live beside the support folder (content/structure/ next to content/support/), so a
 * bundled service that ships a copy of content/ finds them; a lone support folder (a test's copy)
 * falls back to the repository's.
 */
function categoriesFileFor(dir: string): string {
  const sibling = join(dir, '..', 'structure', 'categories.yaml');
  return existsSync(sibling) ? sibling : repoCategoriesFile;
}

/** One thing wrong in the configuration: where, and what to do about it. */
export interface SupportConfigProblem {
  /** The file, relative to the repository when it is inside it. */
  readonly file: string;
  /** Field path inside the file, such as "teams[3].schedule"; "" for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export class SupportConfigError extends Error {
  readonly problems: readonly SupportConfigProblem[];

  constructor(problems: readonly SupportConfigProblem[]) {
    super(
      problems
        .map(({ file, path, message }) =>
          path ? `${file}: ${path}: ${message}` : `${file}: ${message}`,
        )
        .join('\n'),
    );
    this.name = 'SupportConfigError';
    this.problems = problems;
  }
}

export interface LoadOptions {
  /**
   * Category ids topics may use. Default: the ids in content/structure/categories.yaml, so a new
   * help-centre category is usable by topics without a code change.
   */
  readonly categories?: readonly string[];
}

function displayName(file: string): string {
  const fromRepo = relative(repoRoot, file);
  return fromRepo.startsWith('..') || isAbsolute(fromRepo) ? file : fromRepo;
}

/** "teams[3].schedule" for the zod path ["teams", 3, "schedule"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** Reads and parses one YAML file; problems go to `problems`, undefined comes back. */
function readYaml(file: string, problems: SupportConfigProblem[]): unknown {
  const name = displayName(file);
  if (!existsSync(file)) {
    problems.push({
      file: name,
      path: '',
      message: 'file not found; restore it from git or create it',
    });
    return undefined;
  }
  const document = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const where = error.linePos
      ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}`
      : '';
    const message = error.message.split('\n')[0] ?? error.message;
    problems.push({
      file: name,
      path: where,
      message: `${message}; check the indentation, colons and quotes around this line`,
    });
    return undefined;
  }
  return document.toJS();
}

function parseFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  problems: SupportConfigProblem[],
): z.output<Schema> | undefined {
  const before = problems.length;
  const data = readYaml(file, problems);
  if (problems.length > before) return undefined;
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file: displayName(file),
      path: formatPath(issue.path),
      message: issue.message,
    });
  }
  return undefined;
}

function loadCategoryIds(categoriesFile: string, problems: SupportConfigProblem[]): string[] {
  const data = readYaml(categoriesFile, problems);
  if (data === undefined) return [];
  const result = categorySchema.array().safeParse(data);
  if (!result.success) {
    problems.push({
      file: displayName(categoriesFile),
      path: '',
      message: 'is not a valid list of categories; fix it before the support topics can be checked',
    });
    return [];
  }
  return result.data.map((category) => category.id);
}

/**
 * Loads the support configuration from `dir` (default: content/support/ of this repository,
 * resolved from this file, not from the working directory).
 * @throws SupportConfigError listing every problem found, one per line: file, field, what to do.
 */
export function loadSupportConfig(
  dir: string = defaultDir,
  options: LoadOptions = {},
): SupportConfig {
  const problems: SupportConfigProblem[] = [];
  const file = (name: string) => join(dir, name);
  const files = {
    calendars: file('calendars.yaml'),
    schedules: file('schedules.yaml'),
    teams: file('teams.yaml'),
    policies: file('sla-policies.yaml'),
    topics: file('topics.yaml'),
  };
  const calendars = parseFile(files.calendars, calendarsFileSchema, problems);
  const schedules = parseFile(files.schedules, schedulesFileSchema, problems);
  const teams = parseFile(files.teams, teamsFileSchema, problems);
  const policies = parseFile(files.policies, slaPoliciesFileSchema, problems);
  const topics = parseFile(files.topics, topicsFileSchema, problems);
  const categories = options.categories ?? loadCategoryIds(categoriesFileFor(dir), problems);
  if (!calendars || !schedules || !teams || !policies || !topics || problems.length > 0) {
    throw new SupportConfigError(problems);
  }

  const config = assembleSupportConfig(
    { calendars, schedules, teams, policies, topics, categories },
    (fileKey, path, message) => problems.push({ file: displayName(files[fileKey]), path, message }),
  );
  if (problems.length > 0) throw new SupportConfigError(problems);
  return config;
}
