/**
 * The one friendly-error path for configuration files (support configuration, sign-in
 * configuration): each problem names the file, the field and what to do, and they are printed
 * the same way, one per line, with no stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One thing wrong in a configuration file: where, and what to do about it. */
export interface ConfigProblem {
  /** The file, relative to the repository when it is inside it. */
  readonly file: string;
  /** Field path inside the file, such as "teams[3].schedule"; "" for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export class ConfigFileError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      problems
        .map(({ file, path, message }) =>
          path ? `${file}: ${path}: ${message}` : `${file}: ${message}`,
        )
        .join('\n'),
    );
    this.name = 'ConfigFileError';
    this.problems = problems;
  }
}

export function displayName(file: string): string {
  // A database URL (postgres://…) is shown as it is, not as a path.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
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
export function readYaml(file: string, problems: ConfigProblem[]): unknown {
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

/** Reads a YAML file and checks it against a schema; problems go to `problems`. */
export function parseConfigFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  problems: ConfigProblem[],
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
