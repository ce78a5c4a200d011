import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

const cli = path.resolve('electron/backend/cli/camtrap-station.mjs');
let library: string;
let env: NodeJS.ProcessEnv;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '--library', library], { env, encoding: 'utf8' });

const camtraps = [
  'Station,utm_y,utm_x,Setup_date,Retrieval_date,Problem1_from,Problem1_to',
  'StationA,607050,526000,02/04/2009,14/05/2009,NA,NA',
  'StationC,604000,525000,04/04/2009,17/05/2009,12/05/2009,17/05/2009',
].join('\n');

beforeAll(async () => {
  const work = tempDir();
  env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data') };
  library = path.join(work, 'library');
  const t = testBackend();
  await t.must('library.create', { path: library });
  t.backend.close();
}, 60_000);
afterAll(removeTempDirs);

describe('effort from the command line', () => {
  it('imports a camtrapR station table with a UTM zone, manages camera problems and prints the effort', () => {
    const table = path.join(tempDir(), 'camtraps.csv');
    fs.writeFileSync(table, camtraps);
    const noZone = run('import-stations', table);
    expect(noZone.status).toBe(2);
    expect(noZone.stderr).toMatch(/UTM eastings and northings: choose their zone/);
    const imported = run('import-stations', table, '--utm-zone', '50N');
    expect(imported.stderr).toBe('');
    expect(imported.stdout.trim()).toBe('Added 2 deployments, 2 locations and 1 camera problems');

    expect(run('effort').stdout).toContain(
      "StationC / StationC-2009-04-04: 44 calendar days, 38 active, 37.5 trap nights; 1 problem period(s); dates only: setup and retrieval days count half, problem days are whole days off (camtrapR's rule)",
    );
    const added = run('camera-problem', 'add', '--deployment', 'StationA-2009-04-02', '--from', '2009-04-10', '--to', '2009-04-11', '--reason', 'card full');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^\d+: 2009-04-10 to 2009-04-11 \(card full\)$/m);
    const json = JSON.parse(run('--json', 'effort').stdout) as { deployments: { locationName: string; trapNights: number }[] };
    expect(json.deployments.find((d) => d.locationName === 'StationA')?.trapNights).toBe(40);
    const id = /^(\d+):/m.exec(added.stdout)?.[1] ?? '';
    const outside = run('camera-problem', 'change', id, '--from', '2009-03-01', '--to', '2009-04-11');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/lies outside the deployment/);
    expect(run('camera-problem', 'remove', id).stdout).toContain('No camera problems.');
  });

  it('imports a hand-sorted folder, with a folder name mapped on the command line', () => {
    const root = path.join(tempDir(), 'sorted');
    const herons = fs.readdirSync(heronMedia()).sort();
    for (const [i, file] of herons.slice(0, 3).entries()) {
      const folder = path.join(root, 'Wad', i === 0 ? 'reiger?' : 'Ardea cinerea');
      fs.mkdirSync(folder, { recursive: true });
      fs.copyFileSync(path.join(heronMedia(), file), path.join(folder, file));
    }
    expect(run('location', 'add', '--name', 'Wad', '--lat', '50.699', '--lon', '4.013', '--id', 'wad').status).toBe(0);
    expect(run('deployment', 'add', '--location', 'wad', '--id', 'wad-2021', '--start', '2021-03-27', '--end', '2021-04-18', '--dates-only').status).toBe(2);
    expect(run('deployment', 'add', '--location', 'wad', '--id', 'wad-2021', '--start', '2021-03-27T00:00:00+01:00', '--end', '2021-04-18T23:59:59+02:00', '--dates-only').status).toBe(0);
    const unmapped = run('import-sorted', root);
    expect(unmapped.status).toBe(2);
    expect(unmapped.stderr).toMatch(/The species folder reiger\? is not a species the app knows/);
    const done = run('import-sorted', root, '--map', 'reiger?=Ardea cinerea');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('wad-2021: done, 3 imported, 0 already in the library, 0 failed');
    expect(done.stdout).toContain('3 files labelled from their folder names (station-species).');
  });
});
