import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Runs a command and measures its wall time and the peak memory of its whole process tree (the
 * resident memory of the command and every process it started, summed, sampled every 100 ms from
 * /proc): a build is Node plus Pagefind's own process, and what the machine must hold is their sum.
 * Where /proc is missing (not Linux) the peak is reported as 0.
 */
export async function measuredRun(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ status: number | null; wallMs: number; peakBytes: number }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore', ...options });
  let peakBytes = 0;
  const sample = () => {
    if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeResidentBytes(child.pid));
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  clearInterval(timer);
  return { status, wallMs: performance.now() - started, peakBytes };
}

const pageSize = 4096;

function treeResidentBytes(rootPid: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const name of entries) {
    const stat = readQuietly(`/proc/${name}/stat`);
    // The command name in brackets may hold spaces; the parent id is the 2nd field after it.
    const parent = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!parent) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  let bytes = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const statm = readQuietly(`/proc/${pid}/statm`);
    if (statm) bytes += Number(statm.split(' ')[1]) * pageSize;
    queue.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}
