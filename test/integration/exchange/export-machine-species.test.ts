import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import type { MegadetectorBatch } from '../../../electron/backend/detect/megadetector-export.ts';
import type { Db } from '../../../electron/backend/library/db.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { labels, libraryWithPredictions } from '../analysis/machine-species-library.ts';

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Row[];

const project = {
  title: 'Machine species',
  description: 'Foxes, deer and a marten named by SpeciesNet and by people.',
  samplingDesign: 'opportunistic' as const,
  captureMethod: ['activityDetection' as const],
  individualAnimals: false,
  observationLevel: ['media' as const, 'event' as const],
  contributors: [{ name: 'Ada Field', role: 'principalInvestigator' as const }],
  dataLicence: 'CC-BY-4.0' as const,
  mediaLicence: 'CC-BY-4.0' as const,
};

let t: ReturnType<typeof testBackend>;
let db: Db;
let runId: number;
let mediaIDOf: (p: string) => string;
let deerBox: number;
let ridgeFoxBox: number;

beforeAll(async () => {
  copySpec();
  t = testBackend();
  ({ db, runId, mediaIDOf } = await libraryWithPredictions(t));
  const boxOf = (p: string) => db.prepare('SELECT d.detection_id FROM detections d JOIN media m ON m.media_pk = d.media_pk WHERE m.file_path = ?').pluck().get(`media/${p}`) as number;
  deerBox = boxOf('dep1/DCIM/IMG_0003.JPG');
  ridgeFoxBox = boxOf('dep2/100RECNX/IMG_0101.JPG');
  // The deer's box named by the species stage (as store-classifications writes it), beside SpeciesNet's answer for the whole picture.
  db.prepare(
    `INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, description, observation_type, scientific_name, vernacular_name, conf, source)
     SELECT ?, media_pk, detection_id, 'prediction', 1, 'european roe deer', ?, 'animal', 'Capreolus capreolus', 'european roe deer', 0.93, 'classifier' FROM detections WHERE detection_id = ?`,
  ).run(runId, labels.deer, deerBox);
  // A person names the ridge's badger a marten: the machine's badger is overruled.
  await t.must('species.add', { scientificName: 'Martes martes', vernacularName: 'pine marten' });
  await t.must('review.label', { target: { mediaIDs: [mediaIDOf('dep2/100RECNX/IMG_0102.JPG')] }, scientificName: 'Martes martes', classifiedBy: 'Ada Field' });
  await t.must('project.set', project);
}, 60_000);
afterAll(removeTempDirs);

async function exportPackage(): Promise<Row[]> {
  const result = await t.must('exchange.exportCamtrapDp', { folder: tempDir(), media: 'none', mediaBase: 'https://example.org/media' });
  // The export validates the package against Camtrap DP 1.0.2 before it keeps it.
  expect(result.problems.map((p) => englishFor(p.key, p.values))).toEqual([]);
  expect(result.state).toBe('written');
  return readCsv(path.join(result.folder as string, 'observations.csv'));
}

describe('the machine’s species in the exports', () => {
  it('writes each prediction nobody overruled as a machine observation of Camtrap DP, on its box or the whole picture, and events as the map counts them', async () => {
    const rows = await exportPackage();
    const media = rows.filter((r) => r.observationLevel === 'media');
    const species = (id: string) => media.filter((r) => r.mediaID === id && r.scientificName).map((r) => [r.scientificName, r.classificationMethod, r.classifiedBy, r.classificationProbability, r.bboxX]);
    expect(species(mediaIDOf('dep1/DCIM/IMG_0001.JPG'))).toEqual([['Vulpes vulpes', 'machine', 'SpeciesNet 4.0.1a', '0.92', '']]);
    // The box the classifier named is that species, with its box; SpeciesNet's answer for the whole picture is a row of its own.
    expect(species(mediaIDOf('dep1/DCIM/IMG_0003.JPG'))).toEqual([
      ['Capreolus capreolus', 'machine', 'SpeciesNet 4.0.1a', '0.93', '0.1'],
      ['Capreolus capreolus', 'machine', 'SpeciesNet 4.0.1a', '0.75', ''],
    ]);
    expect(media.find((r) => r.mediaID === mediaIDOf('dep1/DCIM/IMG_0003.JPG') && r.bboxX === '0.1')).toMatchObject({ observationType: 'animal', bboxY: '0.2', bboxWidth: '0.3', bboxHeight: '0.4' });
    expect(species(mediaIDOf('dep2/100RECNX/IMG_0101.JPG'))).toEqual([['Vulpes vulpes', 'machine', 'SpeciesNet 4.0.1a', '0.6', '']]);
    // The person's marten, and no machine badger.
    expect(species(mediaIDOf('dep2/100RECNX/IMG_0102.JPG'))).toEqual([['Martes martes', 'human', 'Ada Field', '', '']]);
    expect(media.filter((r) => r.scientificName === 'Meles meles')).toEqual([]);
    // A blank prediction names no species: the detector found nothing there.
    expect(media.filter((r) => r.mediaID === mediaIDOf('dep1/DCIM/IMG_0004.JPG')).map((r) => [r.observationType, r.scientificName])).toEqual([['blank', '']]);

    // Switched off on the map, the events are people's: the marten, and the detector's animals.
    const events = rows.filter((r) => r.observationLevel === 'event');
    expect(events.filter((r) => r.scientificName).map((r) => [r.scientificName, r.classificationMethod])).toEqual([['Martes martes', 'human']]);
    expect(events.filter((r) => r.deploymentID === 'dep1' && r.observationType === 'animal' && !r.scientificName)).toHaveLength(2);

    // Switched on, the machine's species at 80 % or more are events of the classifier's, and its animals are no longer counted twice.
    await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.8 });
    const on = (await exportPackage()).filter((r) => r.observationLevel === 'event');
    expect(on.filter((r) => r.scientificName).map((r) => [r.deploymentID, r.scientificName, r.classificationMethod, r.classifiedBy, r.classificationProbability, r.count])).toEqual([
      ['dep1', 'Vulpes vulpes', 'machine', 'SpeciesNet 4.0.1a', '0.95', ''],
      ['dep1', 'Capreolus capreolus', 'machine', 'SpeciesNet 4.0.1a', '0.93', '1'],
      ['dep2', 'Martes martes', 'human', 'Ada Field', '', '1'],
    ]);
    expect(on.filter((r) => r.deploymentID === 'dep1' && !r.scientificName)).toEqual([]);
    await t.must('analysis.setMachineSpecies', { include: false, threshold: 0.8 });
  }, 60_000);

  it('gives MegaDetector JSON the classifier’s species per box, its final answer first, people’s labels winning', async () => {
    const md = async (): Promise<MegadetectorBatch> => {
      const file = path.join(tempDir(), 'md.json');
      await t.must('detect.exportMegadetector', { runId, file });
      return JSON.parse(fs.readFileSync(file, 'utf8')) as MegadetectorBatch;
    };
    const said = (batch: MegadetectorBatch, file: string) => {
      const image = batch.images.find((i) => i.file === file);
      const names = batch.classification_categories ?? {};
      return image && image.detections ? image.detections.map((d) => (d.classifications ?? []).map(([id, conf]) => [names[id], conf])) : null;
    };
    const first = await md();
    expect(first.info.classifier).toBe('SpeciesNet 4.0.1a');
    expect(said(first, 'dep1/DCIM/IMG_0001.JPG')).toEqual([[['red fox', 0.92]]]);
    expect(said(first, 'dep1/DCIM/IMG_0003.JPG')).toEqual([[['european roe deer', 0.93]]]);
    expect(said(first, 'dep2/100RECNX/IMG_0101.JPG')).toEqual([[['red fox', 0.6]]]);
    expect(said(first, 'dep2/100RECNX/IMG_0102.JPG')).toEqual([[['pine marten', 1]]]);
    const descriptions = Object.values(first.classification_category_descriptions ?? {});
    expect(descriptions).toEqual(expect.arrayContaining([labels.fox, labels.deer, 'Martes martes']));
    expect(descriptions).not.toContain(labels.badger);

    // A person marks the ridge's fox box false: the machine says nothing more of it.
    await t.must('review.markFalse', { detectionIds: [ridgeFoxBox], classifiedBy: 'Ada Field' });
    expect(said(await md(), 'dep2/100RECNX/IMG_0101.JPG')).toEqual([[]]);
  }, 60_000);

  it('gives camtrapR’s tables the species as the map counts them, and says which', async () => {
    const record = async () => {
      const file = path.join(tempDir(), 'record.csv');
      const written = await t.must('exchange.exportCsv', { table: 'record', file });
      return { written, species: readCsv(file).map((r) => [r.Station, r.Species]) };
    };
    const off = await record();
    expect(off.written.machineSpecies).toEqual({ include: false, threshold: 0.8 });
    expect(off.species).toEqual([['Ridge', 'Martes martes']]);

    await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.9 });
    const on = await record();
    expect(on.written.machineSpecies).toEqual({ include: true, threshold: 0.9 });
    // The pond's foxes (92 % and 95 %, within the interval) are one record; the deer's box is 93 %; the ridge's fox box was marked false.
    expect(on.species).toEqual([
      ['Pond', 'Capreolus capreolus'],
      ['Pond', 'Vulpes vulpes'],
      ['Ridge', 'Martes martes'],
    ]);
    const file = path.join(tempDir(), 'events.csv');
    await t.must('exchange.exportCsv', { table: 'events', file });
    const events = readCsv(file).filter((r) => r.Events !== '0');
    expect(events.map((r) => [r.Station, r.Taxon, r.TaxonSource, r.Events])).toEqual(
      expect.arrayContaining([
        ['Pond', 'Vulpes vulpes', 'label_or_classifier', '1'],
        ['Ridge', 'Martes martes', 'label_or_classifier', '1'],
      ]),
    );
    await t.must('analysis.setMachineSpecies', { include: false, threshold: 0.9 });
  }, 60_000);
});
