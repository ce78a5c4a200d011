import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const compiled = new Map<string, string>();

/**
 * Running from source (tests, the CLI, browser mode), a TypeScript worker is bundled with esbuild
 * (installed with tsx) into a cached CommonJS file: starting a thread then costs milliseconds,
 * where registering a TypeScript loader in each thread costs a tenth of a second.
 */
function compileWorker(file: string): string {
  const known = compiled.get(file);
  if (known) return known;
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  // Native modules stay outside the bundle and are found from the source file's own folder.
  const result = buildSync({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    external: ['better-sqlite3', 'sharp', 'onnxruntime-node'],
    banner: { js: `require = require('node:module').createRequire(${JSON.stringify(file)});` },
  });
  const code = result.outputFiles[0]?.text ?? '';
  const out = path.join(os.tmpdir(), `camtrap-station-workers-${process.getuid?.() ?? 'user'}`, `${path.basename(file, '.ts')}-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, out);
  }
  compiled.set(file, out);
  return out;
}

/** Starts a worker thread from a TypeScript module; in the bundled app the same name with .cjs sits beside the bundle. */
export function startWorker(entry: URL): Worker {
  const file = fileURLToPath(entry);
  return new Worker(fs.existsSync(file) ? compileWorker(file) : file.replace(/\.ts$/, '.cjs'));
}
