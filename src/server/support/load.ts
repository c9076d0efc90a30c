import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigFileError,
  displayName,
  parseConfigFile,
  readYaml,
  type ConfigProblem,
} from '../../lib/config-file.ts';
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

/** One thing wrong in the support configuration (the shared friendly-error shape). */
export type SupportConfigProblem = ConfigProblem;

export class SupportConfigError extends ConfigFileError {
  override name = 'SupportConfigError';
}

export interface LoadOptions {
  /**
   * Category ids topics may use. Default: the ids in content/structure/categories.yaml, so a new
   * help-centre category is usable by topics without a code change.
   */
  readonly categories?: readonly string[];
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
  // Readers pick topics; the agents' handbook is no topic of theirs.
  return result.data.filter((c) => c.visibility === 'public').map((category) => category.id);
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
  const calendars = parseConfigFile(files.calendars, calendarsFileSchema, problems);
  const schedules = parseConfigFile(files.schedules, schedulesFileSchema, problems);
  const teams = parseConfigFile(files.teams, teamsFileSchema, problems);
  const policies = parseConfigFile(files.policies, slaPoliciesFileSchema, problems);
  const topics = parseConfigFile(files.topics, topicsFileSchema, problems);
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
