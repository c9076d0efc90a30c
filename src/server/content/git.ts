/**
 * The git repository content/ lives in: accepting a proposal commits its file (author: the agent,
 * committer: the lead), and releases read what changed since the last one. Uses the `git` binary;
 * commits are serialised in this process so two acceptances never interleave.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Identity {
  name: string;
  email: string;
}

export class GitError extends Error {
  override name = 'GitError';
}

export interface ChangedFile {
  /** A added, M modified, D deleted (renames count as D + A). */
  status: 'A' | 'M' | 'D';
  /** Path relative to the content folder ("articles/en/payouts.mdx"). */
  path: string;
}

export interface ContentCommit {
  sha: string;
  author: Identity;
  at: string;
  subject: string;
  body: string;
  files: ChangedFile[];
}

export interface ContentGit {
  /** The repository's top folder. */
  readonly root: string;
  head(): Promise<string>;
  /** Files under content/ that differ from HEAD (uncommitted or untracked). */
  uncommitted(): Promise<string[]>;
  /**
   * Writes one file of content/ and commits only it. Resolves with the new commit's sha; on
   * failure the file is put back as it was and nothing is committed.
   */
  commitFile(
    contentPath: string,
    text: string,
    commit: { author: Identity; committer: Identity; message: string },
  ): Promise<string>;
  /** Commits that touched content/ after `since` (exclusive) up to HEAD, oldest first. */
  commitsSince(since: string | null): Promise<ContentCommit[]>;
  /** A content file's text at a commit, or undefined where it did not exist. */
  fileAt(sha: string, contentPath: string): Promise<string | undefined>;
  /** Revisions (content hashes) a file had in history, newest first, with their text. */
  history(contentPath: string, limit?: number): Promise<Array<{ sha: string; text: string }>>;
}

export async function openContentGit(contentDir: string): Promise<ContentGit> {
  let root: string;
  try {
    root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: contentDir })).stdout.trim();
  } catch {
    throw new GitError(
      `${contentDir} is not inside a git repository. Accepting proposals commits to git: run \`git init\` there (or point CONTENT_DIR at a checkout).`,
    );
  }
  const prefix = relative(root, contentDir).split('\\').join('/');
  const inRepo = (contentPath: string) => (prefix ? `${prefix}/${contentPath}` : contentPath);
  const git = async (args: string[], env: Record<string, string> = {}) =>
    (
      await run('git', args, {
        cwd: root,
        env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 64 * 1024 * 1024,
      })
    ).stdout;
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const fileAt = async (sha: string, contentPath: string) => {
    try {
      return await git(['show', `${sha}:${inRepo(contentPath)}`]);
    } catch {
      return undefined;
    }
  };

  return {
    root,
    fileAt,
    async head() {
      return (await git(['rev-parse', 'HEAD'])).trim();
    },
    async uncommitted() {
      const out = await git(['status', '--porcelain', '--untracked-files=all', '--', prefix || '.']);
      return out
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3));
    },
    commitFile(contentPath, text, commit) {
      return serialised(async () => {
        const file = join(contentDir, contentPath);
        const before = existsSync(file) ? await readFile(file, 'utf8') : undefined;
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, text);
        try {
          await git(['add', '--', inRepo(contentPath)]);
          await git(['commit', '--no-verify', '--quiet', '-m', commit.message, '--', inRepo(contentPath)], {
            GIT_AUTHOR_NAME: commit.author.name,
            GIT_AUTHOR_EMAIL: commit.author.email,
            GIT_COMMITTER_NAME: commit.committer.name,
            GIT_COMMITTER_EMAIL: commit.committer.email,
          });
          return (await git(['rev-parse', 'HEAD'])).trim();
        } catch (error) {
          // Put the working tree back as it was: nothing half-done stays in content/.
          if (before === undefined) await rm(file, { force: true });
          else await writeFile(file, before);
          await git(['reset', '--quiet', '--', inRepo(contentPath)]).catch(() => undefined);
          throw new GitError(`git could not commit ${inRepo(contentPath)}: ${String(error)}`);
        }
      });
    },
    async commitsSince(since) {
      // A commit this history does not contain (content/ was replaced, history rewritten):
      // everything counts as new rather than failing the release.
      const known =
        since !== null &&
        (await git(['merge-base', '--is-ancestor', since, 'HEAD']).then(
          () => true,
          () => false,
        ));
      const range = known ? [`${since}..HEAD`] : ['HEAD'];
      const out = await git([
        'log',
        '--reverse',
        '--no-renames',
        '--name-status',
        '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1f%b%x1f',
        ...range,
        '--',
        prefix || '.',
      ]);
      return out
        .split('\x1e')
        .filter((chunk) => chunk.trim())
        .map((chunk) => {
          const [sha = '', name = '', email = '', at = '', subject = '', body = '', rest = ''] = chunk.split('\x1f');
          const files = rest
            .split('\n')
            .map((line) => /^([AMD])\t(.+)$/.exec(line.trim()))
            .flatMap((match) =>
              match && (!prefix || match[2]!.startsWith(`${prefix}/`))
                ? [{ status: match[1] as ChangedFile['status'], path: prefix ? match[2]!.slice(prefix.length + 1) : match[2]! }]
                : [],
            );
          return { sha, author: { name, email }, at, subject, body: body.trim(), files };
        });
    },
    async history(contentPath, limit = 50) {
      const shas = (await git(['log', `-n${limit}`, '--format=%H', '--', inRepo(contentPath)]))
        .split('\n')
        .filter(Boolean);
      const versions: Array<{ sha: string; text: string }> = [];
      for (const sha of shas) {
        const text = await fileAt(sha, contentPath);
        if (text !== undefined) versions.push({ sha, text });
      }
      return versions;
    },
  };
}
