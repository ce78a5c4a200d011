import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLibraryInvariants } from '../../support/library-invariants.ts';
import { makeCard } from '../../support/make-card.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const cli = path.resolve('electron/backend/cli/camtrap-station.mjs');
const kills = 20;

function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`camtrap-station ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

function makeLibrary(dir: string, env: NodeJS.ProcessEnv): void {
  fs.rmSync(dir, { recursive: true, force: true });
  runCli(['library', 'init', dir], env);
  runCli(['location', 'add', '--library', dir, '--name', 'crash', '--lat', '50.699', '--lon', '4.013', '--id', 'loc1'], env);
  runCli(['deployment', 'add', '--library', dir, '--location', 'loc1', '--start', '2021-03-27T21:38:18+01:00', '--end', '2021-04-18T22:25:00+01:00', '--id', 'dep1'], env);
}

function mediaRows(library: string): number {
  const db = new Database(path.join(library, 'library.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM media').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Runs an import, waits until it has recorded a new file (so the copying has begun, however
 * loaded the machine is), then kills it with SIGKILL after a random delay; says whether it was still running.
 */
async function importAndKill(library: string, card: string, maxDelayMs: number, env: NodeJS.ProcessEnv): Promise<boolean> {
  const before = mediaRows(library);
  const child = spawn(process.execPath, [cli, 'import', card, '--library', library, '--deployment', 'dep1'], { env, stdio: 'ignore' });
  let exited = false;
  const closed = new Promise((r) => child.once('close', r));
  child.once('exit', () => {
    exited = true;
  });
  while (!exited && mediaRows(library) === before) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, Math.random() * maxDelayMs));
  const killed = !exited && child.kill('SIGKILL');
  await closed;
  return killed;
}

describe('an import killed with SIGKILL at random moments', () => {
  it(`keeps the library consistent after each of ${kills} kills, and finishes on the next import`, async () => {
    const work = tempDir();
    const env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data') };
    const card = path.join(work, 'card');
    const files = makeCard(card, 300);
    const cardHashes = new Set(files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')));
    const library = path.join(work, 'library');
    makeLibrary(library, env);

    // How long a whole import takes here, so that kills land while it runs.
    const full = path.join(work, 'timing-library');
    makeLibrary(full, env);
    const t1 = Date.now();
    runCli(['import', card, '--library', full, '--deployment', 'dep1'], env);
    const fullMs = Date.now() - t1;

    let landed = 0;
    let midCopy = 0;
    let attempts = 0;
    while (landed < kills && attempts < kills * 4) {
      attempts += 1;
      const killed = await importAndKill(library, card, fullMs / 3, env);
      const state = checkLibraryInvariants(library, cardHashes);
      expect(state.partial, 'partial files left after reopening').toEqual([]);
      expect(state.badRows, 'rows pointing to a missing or wrong file').toEqual([]);
      expect(state.incomplete, 'files in media/ that are not complete copies').toEqual([]);
      expect(state.running).toBe(0);
      if (killed) landed += 1;
      if (killed && state.rows > 0 && state.rows < files.length) midCopy += 1;
      // Once an import got to the end, start over so the next kills land mid-import again.
      if (!killed || state.rows === files.length) makeLibrary(library, env);
    }
    expect(landed).toBe(kills);
    // Most kills must hit the copying itself, not the start of the process.
    expect(midCopy).toBeGreaterThanOrEqual(kills / 2);
    console.log(`${landed} kills, ${midCopy} of them while files were being copied, in ${attempts} runs`);

    runCli(['import', card, '--library', library, '--deployment', 'dep1'], env);
    const final = checkLibraryInvariants(library, cardHashes);
    expect(final.rows).toBe(300);
    expect(final.mediaFiles).toBe(300);
    expect(final.badRows).toEqual([]);
  }, 600_000);
});
