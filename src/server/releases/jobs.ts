/**
 * Releases started from the browser: a job, one at a time, that runs `scripts/release.ts --json`
 * (the same runner as `npm run release`) in a child process and keeps its progress events for the
 * page to stream. The child's own lock keeps a command-line release and a browser one apart.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log.ts';
import type { ProgressEvent } from './runner.ts';

export interface ReleaseJob {
  id: string;
  actor: string;
  startedAt: string;
  scheduledFor: string | null;
  state: 'running' | 'done' | 'failed';
  events: Array<ProgressEvent & { problems?: string[] }>;
}

export interface ReleaseJobs {
  start(actor: string, scheduledFor: string | null): { job: ReleaseJob } | { busy: ReleaseJob };
  get(id: string): ReleaseJob | undefined;
  latest(): ReleaseJob | undefined;
  /** Calls back with every new event of a job; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: ReleaseJob['events'][number] | 'end') => void): () => void;
}

export function releaseJobs(options: {
  projectDir: string;
  env: Record<string, string | undefined>;
  log: Logger;
}): ReleaseJobs {
  const jobs = new Map<string, ReleaseJob>();
  const listeners = new Map<string, Set<(event: ReleaseJob['events'][number] | 'end') => void>>();
  let latest: ReleaseJob | undefined;
  const emit = (job: ReleaseJob, event: ReleaseJob['events'][number] | 'end') => {
    if (event !== 'end') job.events.push(event);
    for (const listener of listeners.get(job.id) ?? []) listener(event);
  };
  return {
    start(actor, scheduledFor) {
      if (latest?.state === 'running') return { busy: latest };
      const job: ReleaseJob = {
        id: randomUUID(),
        actor,
        startedAt: new Date().toISOString(),
        scheduledFor,
        state: 'running',
        events: [],
      };
      jobs.set(job.id, job);
      latest = job;
      const args = [join(options.projectDir, 'scripts', 'release.ts'), '--json', '--as', actor];
      if (scheduledFor) args.push('--at', scheduledFor);
      const child = spawn(process.execPath, args, {
        cwd: options.projectDir,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          emit(job, JSON.parse(line) as ProgressEvent);
        } catch {
          // not a progress line: the build's own output is not relayed
        }
      });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => {
        errors = (errors + chunk.toString()).slice(-4000);
      });
      child.on('exit', (code) => {
        job.state = code === 0 ? 'done' : 'failed';
        if (code !== 0 && !job.events.some((e) => e.status === 'failed'))
          emit(job, { stage: 'release', status: 'failed', message: errors.trim().split('\n').at(-1) ?? `exit ${code}`, progress: 1 });
        emit(job, 'end');
        options.log.info(`release job ${job.id} by ${actor}: ${job.state}`);
      });
      return { job };
    },
    get: (id) => jobs.get(id),
    latest: () => latest,
    subscribe(id, listener) {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => set.delete(listener);
    },
  };
}
