/**
 * A release, stage by stage, the same whether `npm run release` or a lead's "Publish" starts it:
 * prepare (git commit, one at a time) → check content (schema, MDX safety) → build both sites
 * into a scratch folder → check the builds (links and anchors, internal canaries, accessibility)
 * and report (translation drift, freshness) → finish the folder and manifest → switch live with
 * one rename → prune old releases. Any failure stops before the switch; the live site is never
 * touched by a release that did not finish.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, locales, sourceLocale } from '../../i18n/locales.ts';
import { sourceRevisionOf } from '../../lib/revision.ts';
import { readTranslationStatus, statedSourceRevision } from '../../lib/translation-status.ts';
import { checkProposal } from '../../proposals/check-proposal.ts';
import { canariesFrom } from '../../releases/canaries.ts';
import { contentChanges, whatsNew } from '../../releases/changes.ts';
import { checkCanary, checkLinks, filesUnder } from '../../releases/checks.ts';
import { releaseId, type CheckResult, type ReleaseManifest } from '../../releases/manifest.ts';
import { driftReport } from '../../releases/reports.ts';
import { requestTimePaths } from '../../site/internal/adapter.ts';
import { contentFreshness } from '../content/freshness.ts';
import { contentRepository } from '../content/repository.ts';
import { openContentGit } from '../content/git.ts';
import type { Verification } from '../store/types.ts';
import { checkAccessibility } from './accessibility.ts';
import { releaseRegistry, takeReleaseLock } from './registry.ts';

export interface ProgressEvent {
  stage: string;
  status: 'start' | 'done' | 'failed' | 'info';
  message: string;
  /** 0 to 1, for a progress bar. */
  progress: number;
  check?: CheckResult;
}

export interface ReleaseOptions {
  /** The project (where scripts/build.ts and node_modules are). */
  projectDir: string;
  contentDir: string;
  releasesDir: string;
  /** Releases to keep. */
  keep: number;
  actor: { id: string; name: string };
  verifications: Verification[];
  /** Build now, go live at this instant (the scheduler switches it). */
  scheduledFor?: string | null;
  /** Run the accessibility check in Chromium when there is one (default true). */
  accessibility?: boolean;
  onProgress(event: ProgressEvent): void;
}

export type ReleaseOutcome =
  | { ok: true; manifest: ReleaseManifest; live: boolean; switchMs: number | null }
  | { ok: false; stage: string; message: string; problems: string[] };

const weights = { prepare: 0.02, content: 0.06, public: 0.36, internal: 0.38, checks: 0.14, finish: 0.04 };

export class ReleaseFailed extends Error {
  readonly stage: string;
  readonly problems: string[];
  constructor(stage: string, message: string, problems: string[] = []) {
    super(message);
    this.stage = stage;
    this.problems = problems;
  }
}

export async function runRelease(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const registry = releaseRegistry(options.releasesDir);
  const lock = takeReleaseLock(registry.dir, `release by ${options.actor.name}`);
  if ('heldBy' in lock)
    return { ok: false, stage: 'prepare', message: `another release is running: ${lock.heldBy}. Wait for it to finish.`, problems: [] };
  let done = 0;
  let currentStage: string = 'prepare';
  const emit = (stage: keyof typeof weights, status: ProgressEvent['status'], message: string, check?: CheckResult) => {
    currentStage = stage;
    if (status === 'done' || status === 'failed') done += weights[stage];
    options.onProgress({ stage, status, message, progress: Math.min(1, done), ...(check ? { check } : {}) });
  };
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: keyof typeof weights, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - started);
    }
  };
  let id = '';
  try {
    // 1. Prepare: what is being released.
    emit('prepare', 'start', 'reading content/ from git');
    registry.sweepPartials();
    const git = await openContentGit(options.contentDir);
    const uncommitted = await git.uncommitted();
    if (uncommitted.length)
      throw new ReleaseFailed(
        'prepare',
        `content/ has changes that are not committed; a release is built from a commit. Commit or discard them first.`,
        uncommitted.slice(0, 20),
      );
    const commit = await git.head();
    id = releaseId(new Date(), commit);
    if (registry.manifest(id)) id = `${id}-${Date.now() % 1000}`;
    const previousId = registry.current();
    const previous = previousId ? registry.manifest(previousId) : undefined;
    const commits = await git.commitsSince(previous?.commit ?? null);
    const changes = contentChanges(commits);
    emit('prepare', 'done', `release ${id} of commit ${commit.slice(0, 7)}, ${commits.length} content commit(s) since ${previousId ?? 'the beginning'}`);

    // 2. Content: the same checks every proposal passes, on every file.
    const contentCheck = await timed('content', async () => {
      emit('content', 'start', 'checking every article: schema, structure, MDX safety');
      return checkContent(options.contentDir);
    });
    emit('content', contentCheck.status === 'failed' ? 'failed' : 'done', contentCheck.summary, contentCheck);
    if (contentCheck.status === 'failed') throw new ReleaseFailed('content', contentCheck.summary, contentCheck.problems);

    // 3. Build both sites into the scratch folder, with this release's "What's new".
    const scratch = registry.partial(id);
    const repository = contentRepository(options.contentDir);
    const catalogue = new Map(repository.catalogue().map((entry) => [entry.id, entry]));
    const notes = {
      release: id,
      date: new Date().toISOString(),
      entries: whatsNew(
        changes,
        (locale, articleId) => repository.article(locale, articleId) !== undefined,
        (articleId) => catalogue.get(articleId)?.visibility === 'public',
      ),
    };
    const notesFile = join(scratch, 'whats-new.json');
    writeFileSync(notesFile, JSON.stringify(notes, null, 2));
    for (const audience of ['public', 'internal'] as const) {
      await timed(audience, async () => {
        emit(audience, 'start', `building the ${audience === 'public' ? 'public' : 'agents’'} help centre`);
        await build(options, audience, scratch, notesFile);
      });
      emit(audience, 'done', `${audience === 'public' ? 'public' : 'agents’'} help centre built in ${(timings[audience]! / 1000).toFixed(1)} s`);
    }

    // 4. Check the builds; reports go with the manifest.
    const checks = await timed('checks', async () => {
      emit('checks', 'start', 'checking links, internal canaries, accessibility; drift and freshness reports');
      const publicRoot = join(scratch, 'public');
      const agentsRoot = join(scratch, 'agents', 'client');
      const results: CheckResult[] = [
        contentCheck,
        checkLinks(
          [
            { root: publicRoot, basePath: '' },
            { root: agentsRoot, basePath: '/agents' },
          ],
          requestTimePaths,
        ),
        checkCanary(publicRoot, canariesFrom(options.contentDir)),
        await drift(options.contentDir, git),
        freshness(repository, options.verifications),
      ];
      results.push(
        options.accessibility === false
          ? { name: 'accessibility', status: 'skipped', summary: 'not run: turned off for this release (--no-accessibility)', problems: [] }
          : await checkAccessibility(publicRoot),
      );
      return results;
    });
    const failed = checks.filter((check) => check.status === 'failed');
    for (const check of checks.slice(1))
      options.onProgress({ stage: 'checks', status: 'info', message: `${check.name}: ${check.summary}`, progress: done, check });
    if (failed.length)
      throw new ReleaseFailed('checks', failed.map((c) => `${c.name}: ${c.summary}`).join('; '), failed.flatMap((c) => c.problems));
    emit('checks', 'done', 'every check passed');

    // 5. Finish the release folder and, unless it waits for its time, switch it live.
    const sizes = sizesOf(scratch);
    const manifest: ReleaseManifest = {
      id,
      commit,
      createdAt: new Date().toISOString(),
      createdBy: options.actor.name,
      previous: previousId,
      articles: changes.articles,
      proposals: changes.proposals,
      checks,
      sizes,
      timings,
      scheduledFor: options.scheduledFor ?? null,
    };
    registry.finish(id, manifest);
    let switchMs: number | null = null;
    if (!options.scheduledFor) {
      switchMs = registry.switchTo(id);
      registry.record({ at: new Date().toISOString(), actor: options.actor.name, action: 'published', from: previousId, to: id });
      const pruned = registry.prune(options.keep);
      if (pruned.length)
        registry.record({ at: new Date().toISOString(), actor: options.actor.name, action: 'pruned', from: null, to: null, detail: pruned.join(' ') });
      emit('finish', 'done', `release ${id} is live (switched in ${switchMs.toFixed(2)} ms)`);
    } else {
      registry.record({ at: new Date().toISOString(), actor: options.actor.name, action: 'scheduled', from: previousId, to: id, detail: options.scheduledFor });
      emit('finish', 'done', `release ${id} is ready and goes live at ${options.scheduledFor}`);
    }
    return { ok: true, manifest, live: !options.scheduledFor, switchMs };
  } catch (error) {
    const failure =
      error instanceof ReleaseFailed
        ? error
        : new ReleaseFailed(currentStage, error instanceof Error ? error.message : String(error));
    options.onProgress({ stage: failure.stage, status: 'failed', message: failure.message, progress: done });
    registry.record({
      at: new Date().toISOString(),
      actor: options.actor.name,
      action: 'failed',
      from: registry.current(),
      to: id || null,
      detail: `${failure.stage}: ${failure.message}`.slice(0, 2000),
    });
    registry.sweepPartials();
    return { ok: false, stage: failure.stage, message: failure.message, problems: failure.problems };
  } finally {
    lock.release();
  }
}

/** Every article file through the same check a proposal gets. */
export function checkContent(contentDir: string): CheckResult {
  const repository = contentRepository(contentDir);
  const facts = repository.facts();
  const problems: string[] = [];
  let files = 0;
  for (const locale of readdirSync(join(contentDir, 'articles'))) {
    if (!isLocale(locale)) {
      problems.push(`content/articles/${locale}/: not a locale; use one of ${locales.join(', ')}`);
      continue;
    }
    for (const name of readdirSync(join(contentDir, 'articles', locale))) {
      if (!name.endsWith('.mdx')) continue;
      files++;
      const articleId = name.slice(0, -4);
      const text = readFileSync(join(contentDir, 'articles', locale, name), 'utf8');
      const result = checkProposal(text, { kind: 'edit', locale, articleId }, facts);
      if (!result.ok)
        for (const issue of result.issues)
          problems.push(
            `content/articles/${locale}/${name}:${issue.line}:${issue.column}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}. ${issue.hint}`,
          );
    }
  }
  return {
    name: 'content',
    status: problems.length ? 'failed' : 'passed',
    summary: problems.length ? `${problems.length} problem(s) in content/` : `${files} article files pass the schema and the MDX safety check`,
    problems,
  };
}

function build(options: ReleaseOptions, audience: 'public' | 'internal', scratch: string, notesFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(options.projectDir, 'scripts', 'build.ts'), audience], {
      cwd: options.projectDir,
      env: {
        ...buildEnvironment(process.env),
        CONTENT_DIR: options.contentDir,
        DIST_DIR: join(scratch, 'public'),
        AGENTS_DIST_DIR: join(scratch, 'agents'),
        HC_RELEASE_NOTES: notesFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new ReleaseFailed(audience, `the ${audience} build failed (exit ${code})`, output.split('\n').filter((l) => /error|✖|\.mdx/i.test(l)).slice(-20))),
    );
  });
}

/**
 * The environment for a build: this process's, without what a test runner or dev server put in
 * it (Vitest sets BASE_URL, MODE, NODE_ENV=test…), which Astro would take for its own settings.
 */
function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'])
    delete clean[name];
  for (const name of Object.keys(clean)) if (name.startsWith('VITEST')) delete clean[name];
  return clean;
}

async function drift(contentDir: string, git: Awaited<ReturnType<typeof openContentGit>>): Promise<CheckResult> {
  const rows = readTranslationStatus(contentDir);
  const inputs = await Promise.all(
    rows.map(async (row) => {
      const sourcePath = `articles/${sourceLocale}/${row.id}.mdx`;
      const sourceText = readFileSync(join(contentDir, sourcePath), 'utf8');
      const translations: Record<string, { sourceRevision: string | null }> = {};
      let needsHistory = false;
      for (const locale of locales) {
        // A summary translation has no text of its own to drift: it counts as missing.
        if (locale === sourceLocale || row.states[locale] === 'missing' || row.states[locale] === 'summary') continue;
        const stated = statedSourceRevision(readFileSync(join(contentDir, 'articles', locale, `${row.id}.mdx`), 'utf8'));
        translations[locale] = { sourceRevision: stated ?? null };
        if (row.states[locale] === 'outdated') needsHistory = true;
      }
      const byRevision = new Map<string, string>();
      if (needsHistory) for (const version of await git.history(sourcePath, 30)) byRevision.set(sourceRevisionOf(version.text), version.text);
      return {
        id: row.id,
        visibility: row.visibility,
        sourceRevision: row.sourceRevision,
        sourceText,
        translations,
        englishAt: (revision: string) => byRevision.get(revision),
      };
    }),
  );
  return driftReport(inputs);
}

function freshness(repository: ReturnType<typeof contentRepository>, verifications: Verification[]): CheckResult {
  return contentFreshness(repository, verifications, new Date().toISOString().slice(0, 10));
}

function sizesOf(scratch: string) {
  let files = 0;
  const bytes = (dir: string) => {
    let total = 0;
    for (const file of filesUnder(dir)) {
      total += statSync(file).size;
      files++;
    }
    return total;
  };
  return { publicBytes: bytes(join(scratch, 'public')), agentsBytes: bytes(join(scratch, 'agents')), files };
}
