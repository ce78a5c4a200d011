import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

// The heron card's ten pictures were taken on 2021-04-11 from 20:43:09 to 20:43:15 (camera time).
const heronDay = { deploymentStart: '2021-04-11T20:00:00+02:00', deploymentEnd: '2021-04-11T21:00:00+02:00' };

describe('editing and deleting locations and deployments', () => {
  it('edits a location and gives its time zone from the new coordinates', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    const moved = await t.must('location.update', { locationID: 'loc1', locationName: 'Gombak', latitude: 3.25, longitude: 101.7 });
    expect(moved).toEqual({ locationID: 'loc1', locationName: 'Gombak', latitude: 3.25, longitude: 101.7, timeZone: 'Asia/Kuala_Lumpur' });
    expect(await t.must('location.update', { locationID: 'loc1', locationName: 'Gombak river' })).toMatchObject({ latitude: 3.25, timeZone: 'Asia/Kuala_Lumpur' });
    expect((await t.must('deployment.list', {}))[0]).toMatchObject({ locationName: 'Gombak river', timeZone: 'Asia/Kuala_Lumpur' });
    expect(await t.call('location.update', { locationID: 'loc1', latitude: -95 })).toMatchObject({ ok: false, error: { says: { key: 'latitude-off-map' } } });
    expect(await t.call('location.update', { locationID: 'gone', locationName: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found', says: { key: 'location-not-found' } } });
  });

  it('deletes a location only when no deployment stands at it', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await t.must('deployment.add', { deploymentID: 'dep2', locationID: 'loc1', ...heronDay });
    expect(await t.call('location.delete', { locationID: 'loc1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Location Test station cannot be deleted: 2 deployments are at it (dep1, dep2). Delete those deployments or move them to another location first.', says: { key: 'location-in-use', values: { count: 2, deployments: 'dep1, dep2' } } },
    });
    const spare = await t.must('location.add', { locationName: 'Spare', latitude: 50.8, longitude: 4.3 });
    await t.must('deployment.update', { deploymentID: 'dep2', locationID: spare.locationID });
    await t.must('deployment.delete', { deploymentID: 'dep1' });
    expect(await t.must('location.delete', { locationID: 'loc1' })).toBeNull();
    expect((await t.must('location.list', {})).map((l) => l.locationName)).toEqual(['Spare']);
    expect(await t.call('location.delete', { locationID: 'loc1' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('edits a deployment, keeping what is left out, and refuses dates that leave out its media', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await t.must('deployment.update', { deploymentID: 'dep1', cameraID: 'H2RXEM06043616', cameraHeight: 1.2, baitUse: true });
    await importAndWait(t, heronMedia(), 'dep1');

    const narrowed = await t.must('deployment.update', { deploymentID: 'dep1', ...heronDay, cameraModel: 'Reconyx' });
    expect(narrowed).toMatchObject({ ...heronDay, cameraID: 'H2RXEM06043616', cameraModel: 'Reconyx', cameraHeight: 1.2, baitUse: true, mediaCount: 10 });
    expect(await t.must('deployment.update', { deploymentID: 'dep1', cameraID: null })).toMatchObject({ cameraID: null, cameraModel: 'Reconyx' });

    const late = await t.call('deployment.update', { deploymentID: 'dep1', deploymentStart: '2021-04-11T20:43:12+02:00' });
    expect(late).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('its 10 pictures were taken from 2021-04-11 20:43:09 to 2021-04-11 20:43:15'),
        says: { key: 'dates-leave-out-media', values: { count: 10, first: '2021-04-11 20:43:09', last: '2021-04-11 20:43:15' } },
      },
    });
    expect(await t.call('deployment.update', { deploymentID: 'dep1', deploymentEnd: '2021-04-11T20:43:14Z' })).toMatchObject({ ok: false, error: { says: { key: 'dates-leave-out-media' } } });
    expect(await t.call('deployment.update', { deploymentID: 'dep1', deploymentEnd: '2021-04-10T00:00:00+02:00' })).toMatchObject({ ok: false, error: { says: { key: 'deployment-ends-before-start' } } });
    expect(await t.call('deployment.update', { deploymentID: 'dep1', locationID: 'nowhere' })).toMatchObject({ ok: false, error: { says: { key: 'location-not-found' } } });
    expect(await t.call('deployment.update', { deploymentID: 'nope', cameraID: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found', says: { key: 'deployment-not-found' } } });

    // The clock offset moves the media; the exact bounds still hold them.
    const exact = await t.must('deployment.update', { deploymentID: 'dep1', deploymentStart: '2021-04-11T20:43:09+02:00', deploymentEnd: '2021-04-11T20:43:15+02:00' });
    expect(exact.deploymentStart).toBe('2021-04-11T20:43:09+02:00');
    expect((await t.must('deployment.list', {}))[0]).toMatchObject({ deploymentID: 'dep1', clockOffsetSeconds: 0, timeZone: 'Europe/Brussels' });
  });

  it('deletes a deployment only when it holds no media, and says the pictures stay', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    expect(await t.call('deployment.delete', { deploymentID: 'dep1' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Deployment dep1 cannot be deleted: it holds 10 pictures. The pictures stay in the library; only a deployment without pictures can be deleted.',
        says: { key: 'deployment-holds-media', values: { deployment: 'dep1', count: 10 } },
      },
    });
    expect((await t.must('media.page', {})).total).toBe(10);

    // An import that brought nothing (an empty card) does not keep a deployment alive.
    const empty = path.join(tempDir(), 'empty-card');
    fs.mkdirSync(path.join(empty, 'DCIM'), { recursive: true });
    await t.must('deployment.add', { deploymentID: 'dep2', locationID: 'loc1', ...heronDay });
    await importAndWait(t, empty, 'dep2');
    expect(await t.must('deployment.delete', { deploymentID: 'dep2' })).toBeNull();
    expect((await t.must('deployment.list', {})).map((d) => d.deploymentID)).toEqual(['dep1']);
    expect(await t.call('deployment.delete', { deploymentID: 'dep2' })).toMatchObject({ ok: false, error: { code: 'not-found', says: { key: 'deployment-not-found' } } });
  });
});
