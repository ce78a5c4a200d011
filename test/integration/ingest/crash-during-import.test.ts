import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

/** Runs an import and kills it with SIGKILL after `delayMs`; says whether it was still running then. */
function importAndKill(library: string, card: string, delayMs: number, env: NodeJS.ProcessEnv): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'import', card, '--library', library, '--deployment', 'dep1'], { env, stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    setTimeout(() => {
      const killed = !exited && child.kill('SIGKILL');
      child.on('close', () => resolve({ killed, ms: Date.now() - started }));
      if (exited) resolve({ killed: false, ms: Date.now() - started });
    }, delayMs);
  });
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
    const t0 = Date.now();
    runCli(['status', '--library', library], env);
    const startupMs = Date.now() - t0;
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
      const delay = startupMs * 0.8 + Math.random() * (fullMs - startupMs * 0.8);
      const { killed } = await importAndKill(library, card, delay, env);
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
