import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import { exportCamtrapDp } from '../../../electron/backend/exchange/camtrap-dp/export/export-package.ts';
import { loadCamtrapSpec } from '../../../electron/backend/exchange/camtrap-dp/spec/load-spec.ts';
import { validatePackage } from '../../../electron/backend/exchange/camtrap-dp/validate/validate-package.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages, camtrapSpecFolder, heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

type Row = Record<string, string>;
const table = (dir: string, name: string): Row[] => parse(fs.readFileSync(path.join(dir, name), 'utf8'), { columns: true }) as Row[];
const header = (dir: string, name: string): string => fs.readFileSync(path.join(dir, name), 'utf8').split('\n')[0] as string;
const project = {
  title: 'Heron watch',
  acronym: 'HW',
  description: 'Herons at the pond and animals at the waterhole.',
  website: 'https://example.org/heron-watch',
  samplingDesign: 'targeted' as const,
  captureMethod: ['activityDetection' as const],
  individualAnimals: false,
  observationLevel: ['media' as const, 'event' as const],
  contributors: [{ name: 'Ada Field', email: 'ada@example.org', role: 'principalInvestigator' as const, organization: 'Pond Station' }],
  dataLicence: 'CC-BY-4.0' as const,
  mediaLicence: 'CC-BY-NC-4.0' as const,
};

let t: ReturnType<typeof testBackend>;
let heronMediaIDs: string[];

beforeAll(async () => {
  useTestModels();
  // The app validates against resources/spec, which the build copies from ../shared/spec.
  copySpec();
  t = testBackend();
  await t.must('library.create', { path: path.join(tempDir(), 'library') });
  const { location, deployment } = heronDeployment();
  await t.must('location.add', location);
  await t.must('deployment.add', deployment);
  await t.must('location.add', { locationID: 'waterhole', locationName: 'Waterhole', latitude: -1.29, longitude: 36.82 });
  await t.must('deployment.add', { deploymentID: 'dep2', locationID: 'waterhole', deploymentStart: '2000-01-01T00:00:00+03:00', deploymentEnd: '2030-01-01T00:00:00+03:00' });
  await importAndWait(t, heronMedia(), deployment.deploymentID);
  await importAndWait(t, cameraTrapImages(), 'dep2');
  await detectAndWait(t, {}, undefined, 'cpu');
  await t.must('species.ensure', { scientificName: 'Ardea cinerea' });
  await t.must('review.label', { target: { deploymentID: '62c200a9', sequenceNo: 1 }, scientificName: 'Ardea cinerea', count: 1, classifiedBy: 'Ada Field' });
  const blank = (await t.must('media.page', { deploymentID: 'dep2', limit: 100 })).items.find((m) => m.fileName === 'blank.jpg');
  if (!blank) throw new Error('blank.jpg was not imported');
  await t.must('review.markEmpty', { target: { mediaIDs: [blank.mediaID] }, classifiedBy: 'Ada Field' });
  // The heron camera ran an hour slow.
  await t.must('deployment.setClockOffset', { deploymentID: '62c200a9', offsetSeconds: 3600 });
  heronMediaIDs = (await t.must('media.page', { deploymentID: '62c200a9', limit: 100 })).items.map((m) => m.mediaID);
}, 120_000);
afterAll(removeTempDirs);

describe('exporting a library as Camtrap DP 1.0.2', () => {
  it('writes a package from import, detection and labels that validates, with event-level animals and corrected times', async () => {
    expect((await t.must('project.get', {})).saved).toBe(false);
    await t.must('project.set', project);
    const out = tempDir();
    const result = await t.must('exchange.exportCamtrapDp', { folder: out, media: 'copy' });
    expect(result.problems.map((p) => englishFor(p.key, p.values))).toEqual([]);
    expect(result).toMatchObject({ state: 'written', zip: null, counts: { deployments: 2, media: 18, files: 18 } });
    const dir = result.folder as string;
    expect(fs.readdirSync(out)).toEqual([path.basename(dir)]);
    // Checked once more, against ../shared/spec rather than the app's copy.
    expect(await validatePackage(dir, loadCamtrapSpec(camtrapSpecFolder()))).toEqual([]);

    const spec = loadCamtrapSpec(camtrapSpecFolder());
    for (const name of ['deployments', 'media', 'observations'] as const) expect(header(dir, `${name}.csv`)).toBe(spec.tables[name].fields.map((f) => f.name).join(','));

    const deployments = table(dir, 'deployments.csv');
    expect(deployments.map((d) => [d.deploymentID, d.timestampIssues, d.deploymentStart])).toEqual([
      ['dep2', 'false', '2000-01-01T00:00:00+03:00'],
      ['62c200a9', 'true', '2021-03-27T21:38:18+01:00'],
    ]);
    const media = table(dir, 'media.csv');
    const herons = media.filter((m) => m.deploymentID === '62c200a9');
    // DateTimeOriginal 2021:04:11 20:43:09 to 20:43:15, an hour later after the clock offset.
    expect(herons.map((m) => m.timestamp).sort()[0]).toBe('2021-04-11T21:43:09+01:00');
    expect(herons.map((m) => m.timestamp).sort().at(-1)).toBe('2021-04-11T21:43:15+01:00');
    for (const m of media) {
      expect(m.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(m.fileMediatype).toBe('image/jpeg');
      expect(m.filePath).toMatch(/^media\//);
      expect(fs.existsSync(path.join(dir, ...(m.filePath as string).split('/')))).toBe(true);
    }
    expect(media.find((m) => m.fileName === 'human.jpg')?.filePublic).toBe('false');
    expect(herons.every((m) => m.filePublic === 'true')).toBe(true);

    const observations = table(dir, 'observations.csv');
    const events = observations.filter((o) => o.observationLevel === 'event');
    expect(events.filter((o) => o.observationType === 'animal' && o.scientificName === 'Ardea cinerea')).toEqual([
      expect.objectContaining({ deploymentID: '62c200a9', mediaID: '', count: '1', eventStart: '2021-04-11T21:43:09+01:00', eventEnd: '2021-04-11T21:43:15+01:00', classificationMethod: 'human', classifiedBy: 'Ada Field' }),
    ]);
    // The detector's animal during the heron's event is that heron: it is not counted twice.
    expect(events.filter((o) => o.deploymentID === '62c200a9' && !o.scientificName)).toEqual([]);
    const humans = observations.filter((o) => o.observationLevel === 'media' && o.classificationMethod === 'human' && o.scientificName === 'Ardea cinerea');
    expect(humans).toHaveLength(10);
    expect(humans.every((o) => o.eventID === events.find((e) => e.scientificName === 'Ardea cinerea')?.eventID && o.classificationTimestamp?.endsWith('Z'))).toBe(true);
    const machine = observations.filter((o) => o.classificationMethod === 'machine' && o.observationLevel === 'media' && o.observationType !== 'blank');
    expect(machine.length).toBeGreaterThan(0);
    for (const o of machine) {
      expect(o.classifiedBy).toBe('NanoDet-m 416 (COCO; development detector) 2022nov');
      expect(Number(o.classificationProbability)).toBeGreaterThanOrEqual(0.35);
      expect(Number(o.bboxWidth)).toBeGreaterThan(0);
      expect(Number(o.bboxX) + Number(o.bboxWidth)).toBeLessThanOrEqual(1);
    }
    expect(machine.map((o) => o.observationType)).toContain('human');
    // A media-level row names the event it belongs to only where that event is written.
    const eventIDs = new Set(events.map((e) => e.eventID));
    expect(observations.filter((o) => o.observationLevel === 'media' && o.eventID && !eventIDs.has(o.eventID))).toEqual([]);
    const blankID = media.find((m) => m.fileName === 'blank.jpg')?.mediaID;
    expect(observations.filter((o) => o.mediaID === blankID)).toEqual([expect.objectContaining({ observationType: 'blank', classificationMethod: 'human', classifiedBy: 'Ada Field', scientificName: '' })]);

    const descriptor = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as { profile: string; resources: Row[]; licenses: Row[]; [key: string]: unknown };
    expect(descriptor.profile).toBe('https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.2/camtrap-dp-profile.json');
    expect(descriptor.resources.map((r: Row) => [r.name, r.profile, r.schema])).toEqual(
      ['deployments', 'media', 'observations'].map((n) => [n, 'tabular-data-resource', `https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.2/${n}-table-schema.json`]),
    );
    expect(descriptor.spatial).toEqual({ type: 'Polygon', coordinates: [[[4.013, -1.29], [36.82, -1.29], [36.82, 50.699], [4.013, 50.699], [4.013, -1.29]]] });
    expect(descriptor.temporal).toEqual({ start: '2000-01-01', end: '2030-01-01' });
    expect(descriptor.taxonomic).toEqual([expect.objectContaining({ scientificName: 'Ardea cinerea', taxonRank: 'species', vernacularNames: expect.objectContaining({ eng: expect.any(String) }) })]);
    expect(descriptor.licenses.map((l: Row) => [l.name, l.scope])).toEqual([
      ['CC-BY-4.0', 'data'],
      ['CC-BY-NC-4.0', 'media'],
    ]);
    expect(descriptor.contributors).toEqual([{ title: 'Ada Field', email: 'ada@example.org', role: 'principalInvestigator', organization: 'Pond Station' }]);
    expect(descriptor.project).toMatchObject({ title: 'Heron watch', samplingDesign: 'targeted', captureMethod: ['activityDetection'], observationLevel: ['media', 'event'] });
  });

  it('exports one deployment in a date range as a ZIP of thumbnails, and one with media left where they are', async () => {
    const out = tempDir();
    const zipped = await t.must('exchange.exportCamtrapDp', { folder: out, deploymentIDs: ['62c200a9'], from: '2021-04-11', to: '2021-04-11', media: 'thumbnails', zip: true });
    expect(zipped).toMatchObject({ state: 'written', folder: null, counts: { deployments: 1, media: 10, files: 10 }, problems: [] });
    expect(fs.readdirSync(out)).toEqual([path.basename(zipped.zip as string)]);
    expect(zipped.zip).toMatch(/camtrap-dp-HW-\d{4}-\d{2}-\d{2}\.zip$/);
    const linked = await t.must('exchange.exportCamtrapDp', { folder: out, deploymentIDs: ['62c200a9'], media: 'none', mediaBase: 'https://media.example.org/heron watch' });
    expect(linked).toMatchObject({ state: 'written', counts: { media: 10, files: 0 }, problems: [] });
    const paths = table(linked.folder as string, 'media.csv').map((m) => m.filePath);
    expect(paths.every((p) => p?.startsWith('https://media.example.org/heron watch/62c200a9/'))).toBe(true);
    expect(fs.readdirSync(linked.folder as string).sort()).toEqual(['datapackage.json', 'deployments.csv', 'media.csv', 'observations.csv']);
    expect(heronMediaIDs).toHaveLength(10);
  });

  it('refuses a media base that is not a URL or a relative path, and a scope with nothing in it', async () => {
    const out = tempDir();
    for (const mediaBase of ['/srv/media', './media', '~/media', 'media/../..']) {
      expect(await t.call('exchange.exportCamtrapDp', { folder: out, media: 'none', mediaBase })).toMatchObject({ ok: false, error: { code: 'invalid-input', says: { key: 'export-media-base-not-valid' } } });
    }
    expect(await t.call('exchange.exportCamtrapDp', { folder: out, from: '1990-01-01', to: '1990-12-31' })).toMatchObject({ ok: false, error: { says: { key: 'export-nothing-in-scope' } } });
    expect(await t.call('exchange.exportCamtrapDp', { folder: out, deploymentIDs: ['nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('writes nothing when the package is invalid, and gives the list of problems', async () => {
    const out = tempDir();
    // A bad row slipped in after writing (as a bug would): the check catches it before anything is kept.
    const library = t.backend.requireLibrary();
    const injected = await exportCamtrapDp(library, { folder: out, deploymentIDs: [], media: 'none', mediaBase: 'media', zip: false }, {
      startTask: (spec) => t.backend.tasks.start(spec),
      logger: t.backend.logger,
      beforeValidate: (dir) => fs.appendFileSync(path.join(dir, 'media.csv'), 'x1,62c200a9,,2021-04-11 20:43:09,/tmp/x.jpg,true,x.jpg,image/jpeg,,,\n'),
    });
    expect(injected.state).toBe('invalid');
    expect(injected.problems).toEqual([
      { key: 'table-value-bad-datetime', values: expect.objectContaining({ file: 'media.csv', row: 20, column: 'timestamp', value: '2021-04-11 20:43:09' }) },
      { key: 'table-file-path-not-relative', values: expect.objectContaining({ file: 'media.csv', row: 20, column: 'filePath', value: '/tmp/x.jpg' }) },
    ]);
    expect(fs.readdirSync(out)).toEqual([]);
    // A project that breaks the profile (as a hand-edited library might hold) is refused the same way.
    library.db.prepare("UPDATE project_contributors SET email = 'ada at the pond'").run();
    const refused = await t.must('exchange.exportCamtrapDp', { folder: out, zip: true });
    expect(refused).toMatchObject({ state: 'invalid', folder: null, zip: null });
    expect(refused.problems).toEqual([{ key: 'package-field-bad-format', values: { file: 'datapackage.json', property: 'contributors[0].email', value: 'ada at the pond', format: 'email' } }]);
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await t.must('tasks.list', {})).find((task) => task.kind === 'export')).toMatchObject({ state: 'failed', says: [{ key: 'export-invalid', values: { count: 1 } }] });
    library.db.prepare("UPDATE project_contributors SET email = 'ada@example.org'").run();
  });

  it('stops when cancelled and leaves nothing behind', async () => {
    const out = tempDir();
    const stop = t.backend.on('task.updated', (task) => {
      if (task.kind === 'export' && task.state === 'running') void t.call('tasks.cancel', { id: task.id });
    });
    const result = await t.must('exchange.exportCamtrapDp', { folder: out });
    stop();
    expect(result).toMatchObject({ state: 'cancelled', folder: null, zip: null });
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
