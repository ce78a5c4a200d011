import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../electron/backend/ingest/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { checkLibraryInvariants } from '../../support/library-invariants.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { asUser, reachableCheckout } from '../../support/reachable-checkout.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { fillDisk, mountTmpfs, type Tmpfs } from '../../support/tmpfs.ts';

const mounts: Tmpfs[] = [];
const releases: (() => void)[] = [];
afterAll(() => {
  for (const m of mounts.splice(0)) m.unmount();
  for (const release of releases.splice(0)) release();
  removeTempDirs();
});

const hashes = (files: string[]) => new Set(files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')));

/** Starts an import and runs `during` once the first file is done. */
async function importWith(t: ReturnType<typeof testBackend>, card: string, during: (p: ImportProgress) => void) {
  let fired = false;
  const finished = new Promise<import('../../../electron/backend/ingest/contract.ts').ImportSummary>((resolve) => {
    t.backend.subscribe((name, payload) => {
      if (name === 'ingest.progress' && !fired && (payload as ImportProgress).filesDone >= 1) {
        fired = true;
        during(payload as ImportProgress);
      }
      if (name === 'ingest.finished') resolve(payload as never);
    });
  });
  const started = await t.call('ingest.start', { source: card, deploymentID: 'dep1' });
  if (!started.ok) throw new Error(started.error.message);
  return finished;
}

describe('trouble during an import', () => {
  it('stops when the card is pulled out, keeps what was copied, and lists the rest', async () => {
    const work = tempDir();
    const files = makeCard(path.join(work, 'card'), 120);
    const t = testBackend();
    const library = path.join(work, 'library');
    await libraryWithDeployment(t, library);
    // Renaming the card's folder away is what a pulled card looks like to the app: its paths stop resolving.
    const summary = await importWith(t, path.join(work, 'card'), () => fs.renameSync(path.join(work, 'card'), path.join(work, 'pulled')));
    expect(summary.state).toBe('source-lost');
    expect(summary.message).toMatch(/card was removed/);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.notImported.length).toBeGreaterThan(0);
    expect(summary.imported + summary.notImported.length + summary.failed.length).toBe(120);
    expect(summary.notImported.every((n) => n.reason === 'card removed')).toBe(true);
    t.backend.close();
    const state = checkLibraryInvariants(library, hashes(files.map((f) => f.replace(`${path.sep}card${path.sep}`, `${path.sep}pulled${path.sep}`))));
    expect(state).toMatchObject({ partial: [], badRows: [], incomplete: [], rows: summary.imported });
  });

  it('refuses before copying anything when the library disk is too small', async (ctx) => {
    const work = tempDir();
    makeCard(path.join(work, 'card'), 40);
    const disk = mountTmpfs(path.join(work, 'small-disk'), 6 * 1024 * 1024);
    if (typeof disk === 'string') return ctx.skip(disk);
    mounts.push(disk);
    const t = testBackend();
    await libraryWithDeployment(t, path.join(disk.dir, 'library'));
    const started = await t.call('ingest.start', { source: path.join(work, 'card'), deploymentID: 'dep1' });
    expect(started).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(/Not enough free space.*Nothing was copied/) } });
    expect(fs.readdirSync(path.join(disk.dir, 'library', 'media'))).toEqual([]);
  });

  it('stops cleanly when the disk fills up during the import', async (ctx) => {
    const work = tempDir();
    // Enough files that many are still on the card when the disk fills, however fast the copies run.
    const files = makeCard(path.join(work, 'card'), 80);
    const disk = mountTmpfs(path.join(work, 'filling-disk'), 40 * 1024 * 1024);
    if (typeof disk === 'string') return ctx.skip(disk);
    mounts.push(disk);
    const t = testBackend();
    const library = path.join(disk.dir, 'library');
    await libraryWithDeployment(t, library);
    // Another program takes the space after the check passed; room is left for the database.
    const summary = await importWith(t, path.join(work, 'card'), () => fillDisk(disk.dir, 1_500_000));
    expect(summary.state, summary.message ?? '').toBe('disk-full');
    expect(summary.message).toMatch(/disk is full.*every file copied so far is complete/);
    expect(summary.imported).toBeLessThan(80);
    expect(summary.imported + summary.notImported.length).toBe(80);
    expect(summary.notImported.every((n) => n.reason === 'disk full')).toBe(true);
    t.backend.close();
    fs.rmSync(path.join(disk.dir, 'filler.bin'));
    expect(checkLibraryInvariants(library, hashes(files))).toMatchObject({ partial: [], badRows: [], incomplete: [], rows: summary.imported });
  });

  it('says plainly when the library folder cannot be written to', async (ctx) => {
    const work = tempDir();
    const disk = mountTmpfs(path.join(work, 'rw'), 8 * 1024 * 1024);
    if (typeof disk === 'string') return ctx.skip(disk);
    mounts.push(disk);
    const t = testBackend();
    await libraryWithDeployment(t, path.join(disk.dir, 'library'));
    t.backend.close();
    disk.remountReadOnly();
    const opened = await t.call('library.open', { path: path.join(disk.dir, 'library') });
    expect(opened).toMatchObject({ ok: false, error: { code: 'not-writable', message: expect.stringMatching(/cannot be written to \(EROFS\)/) } });
    const created = await t.call('library.create', { path: path.join(disk.dir, 'another') });
    expect(created).toMatchObject({ ok: false, error: { code: 'not-writable', message: expect.stringMatching(/Cannot create the folder/) } });
  });

  it('reports a file it may not read and goes on with the others', async (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('needs root to run the import as another user');
    const work = tempDir();
    fs.chmodSync(work, 0o777);
    const files = makeCard(path.join(work, 'card'), 5);
    fs.chmodSync(files[2] as string, 0o000);
    const env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data'), HOME: work };
    // The checkout may lie where user 65534 cannot go (a clone inside `mktemp -d`): it runs the CLI from where it can.
    const checkout = reachableCheckout(65534, 'electron/backend/cli/camtrap-station.mjs');
    if (typeof checkout === 'string') throw new Error(checkout);
    releases.push(checkout.release);
    const cli = path.join(checkout.root, 'electron/backend/cli/camtrap-station.mjs');
    const asNobody = (args: string[]) => asUser(65534, process.execPath, [cli, '--json', ...args], { env, cwd: work }) as { status: number | null; stdout: string; stderr: string };
    const library = path.join(work, 'library');
    expect(asNobody(['library', 'init', library]).status).toBe(0);
    asNobody(['location', 'add', '--library', library, '--name', 'x', '--lat', '1', '--lon', '1', '--id', 'loc1']);
    asNobody(['deployment', 'add', '--library', library, '--location', 'loc1', '--start', '2000-01-01T00:00:00Z', '--end', '2030-01-01T00:00:00Z', '--id', 'dep1']);
    const run = asNobody(['import', path.join(work, 'card'), '--library', library, '--deployment', 'dep1']);
    // Case 11 of issue 9: finished, but a file failed, is told apart from a clean import.
    expect(run.status, run.stderr).toBe(4);
    const summary = JSON.parse(run.stdout) as { imported: number; failed: { path: string; reason: string }[]; state: string };
    expect(summary.state).toBe('done');
    expect(summary.imported).toBe(4);
    expect(summary.failed).toEqual([{ path: 'DCIM/100RECNX/RCNX0003.JPG', reason: 'This file cannot be opened: permission denied. The file was left on the card.', says: [{ key: 'card-file-no-permission' }] }]);
  });
});
