import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Browser tests use the system's Chromium: browsers cannot be downloaded at run time here, so no
 * `playwright install`. CHROMIUM_PATH overrides the default /usr/bin/chromium. When it is missing
 * and we are root on Debian/Ubuntu, install it with apt-get; otherwise say exactly what to do.
 */
export function ensureChromium(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (path === '/usr/bin/chromium' && isRoot && hasApt) {
    console.log('Chromium is missing: installing Debian’s chromium package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(path)) return path;
  }
  console.error(
    `Chromium was not found at ${path}.\n` +
      `Install it (Debian/Ubuntu: sudo apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.`,
  );
  process.exit(1);
}
