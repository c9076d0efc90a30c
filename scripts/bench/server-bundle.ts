/**
 * Bundles the serverless entry (src/server/fetch-handler.ts) the way a platform would, and prints
 * its size, gzipped size and the largest inputs, so a heavy dependency shows up in review.
 *   npm run bench:bundle -- [--out file.mjs]
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const entry = new URL('../../src/server/fetch-handler.ts', import.meta.url).pathname;

const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

const code = result.outputFiles[0]?.contents ?? new Uint8Array();
if (values.out) writeFileSync(values.out, code);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`fetch handler bundle: ${code.byteLength} bytes (${kib(code.byteLength)})`);
console.log(
  `gzip: ${gzipSync(code, { level: 9 }).byteLength} bytes (${kib(gzipSync(code, { level: 9 }).byteLength)})`,
);

const byPackage = new Map<string, number>();
const output = Object.values(result.metafile.outputs)[0];
for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'src (this repository)';
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
console.log('largest parts (minified, before gzip):');
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  console.log(`  ${kib(bytes).padStart(10)}  ${name}`);
}
