import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('locations and deployments', () => {
  it('checks what a user types and answers in plain words', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    const dep = { locationID: 'loc1', deploymentStart: '2021-03-27T21:38:18+01:00', deploymentEnd: '2021-04-18T22:25:00+01:00' };
    expect(await t.call('deployment.add', { ...dep, deploymentStart: '27/03/2021' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^The start is not a date and time this app can read/), says: { key: 'date-time-unreadable', values: { field: 'deploymentStart' } } },
    });
    expect(await t.call('deployment.add', { ...dep, deploymentEnd: '2021-02-30T10:00:00+01:00' })).toMatchObject({ ok: false, error: { says: { key: 'date-time-unreadable' } } });
    expect(await t.call('deployment.add', { ...dep, deploymentEnd: '2021-03-01T00:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/ends before it starts/), says: { key: 'deployment-ends-before-start' } },
    });
    expect(await t.call('deployment.add', { ...dep, locationID: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'not-found', says: { key: 'location-not-found', values: { location: 'nowhere' } } } });
    expect(await t.call('deployment.add', { ...dep, deploymentID: 'dep1' })).toMatchObject({ ok: false, error: { code: 'conflict', says: { key: 'deployment-id-taken' } } });
    expect(await t.call('deployment.add', { ...dep, deploymentID: 'dep 2' })).toMatchObject({ ok: false, error: { says: { key: 'id-bad-characters', values: { field: 'deploymentID' } } } });
    expect(await t.call('location.add', { locationID: 'loc1', locationName: 'x', latitude: 1, longitude: 0 })).toMatchObject({ ok: false, error: { code: 'conflict', says: { key: 'location-id-taken' } } });
    expect(await t.call('location.add', { locationName: 'x', latitude: 91, longitude: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^The latitude must be between -90/), says: { key: 'latitude-off-map' } } });
    expect(await t.call('location.add', { locationName: 'x', latitude: 0, longitude: -181 })).toMatchObject({ ok: false, error: { says: { key: 'longitude-off-map' } } });
    expect(await t.call('location.add', { locationName: '  ', latitude: 1, longitude: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Give the location a name/), says: { key: 'location-name-missing' } } });
    const added = await t.must('location.add', { locationName: 'Second', latitude: 1.5, longitude: 2.5 });
    expect(added.locationID).toMatch(/^[0-9a-f]{8}$/);
    expect(added.timeZone).toBe('Etc/GMT');
    expect((await t.must('deployment.list', {}))[0]).toMatchObject({ deploymentID: 'dep1', timeZone: 'Europe/Brussels' });
  });

  it('shifts every time by the clock offset, keeps the originals, and regroups sequences', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    const moved = await t.must('deployment.setClockOffset', { deploymentID: 'dep1', offsetSeconds: -3600 });
    expect(moved.clockOffsetSeconds).toBe(-3600);
    const page = await t.must('media.page', { deploymentID: 'dep1' });
    expect(page.items[0]).toMatchObject({ timestamp: '2021-04-11 19:43:09', timestampOriginal: '2021-04-11 20:43:09' });
    expect(page.sequences).toBe(1);
  });

  it('groups media closer than the library setting into one sequence, and regroups when it changes', async () => {
    const work = tempDir();
    const card = path.join(work, 'card');
    fs.mkdirSync(card);
    const base = new Date('2022-06-01T10:00:00').getTime();
    const offsets = [0, 30, 100, 130, 400];
    for (const [i, s] of offsets.entries()) {
      const file = path.join(card, `IMG${i}.JPG`);
      fs.writeFileSync(file, await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: i * 40, g: 0, b: 0 } } }).jpeg().toBuffer());
      fs.utimesSync(file, new Date(base + s * 1000), new Date(base + s * 1000));
    }
    const t = testBackend();
    await libraryWithDeployment(t, path.join(work, 'library'));
    await importAndWait(t, card, 'dep1');
    expect((await t.must('media.page', {})).sequences).toBe(3);
    await t.must('library.setSequenceGap', { seconds: 20 });
    expect((await t.must('media.page', {})).sequences).toBe(5);
    const info = await t.must('library.setSequenceGap', { seconds: 300 });
    expect(info.sequenceGapSeconds).toBe(300);
    expect((await t.must('media.page', {})).sequences).toBe(1);
  });

  it('remembers recent libraries, newest first', async () => {
    const t = testBackend();
    const a = path.join(tempDir(), 'a');
    const b = path.join(tempDir(), 'b');
    await t.must('library.create', { path: a });
    await t.must('library.create', { path: b });
    await t.must('library.open', { path: a });
    const recent = await t.must('library.recent', {});
    expect(recent.map((r) => r.root)).toEqual([a, b]);
    fs.rmSync(b, { recursive: true });
    expect((await t.must('library.recent', {}))[1]).toMatchObject({ root: b, exists: false });
  });

  it('refuses to make a library in a folder that holds other files', async () => {
    const t = testBackend();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'x');
    expect(await t.call('library.create', { path: dir })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/not empty/) } });
    expect(await t.call('library.open', { path: dir })).toMatchObject({ ok: false, error: { code: 'not-a-library' } });
    expect(await t.call('media.page', {})).toMatchObject({ ok: false, error: { code: 'no-library' } });
  });
});
