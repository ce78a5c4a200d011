import { describe, expect, it } from 'vitest';
import type { BoxRow, LabelRow, ResultRow } from '../../../electron/backend/exchange/camtrap-dp/export/library-reads.ts';
import { camtrapBox, mediaObservations, showsPeople } from '../../../electron/backend/exchange/camtrap-dp/export/media-observations.ts';

const result: ResultRow = { runId: 3, status: 'ok', finishedAt: '2024-05-01T10:00:00.500Z', modelName: 'MegaDetector', modelVersion: '5a', threshold: 0.2 };
const box = (detectionId: number, category: BoxRow['category'], conf = 0.9): BoxRow => ({ detectionId, category, conf, x: 0.1, y: 0.2, w: 0.3, h: 0.4 });
const label = (over: Partial<LabelRow>): LabelRow => ({
  observationId: 1,
  detectionId: null,
  observationType: 'animal',
  scientificName: 'Vulpes vulpes',
  count: 2,
  falseDetection: 0,
  classifiedBy: 'Ada',
  createdAt: '2024-05-02T08:00:00.000Z',
  x: null,
  y: null,
  w: null,
  h: null,
  ...over,
});
const common = { deploymentID: 'd1', mediaID: 'm1', eventStart: '2021-04-11T20:43:09+01:00', eventEnd: '2021-04-11T20:43:09+01:00', observationLevel: 'media' };
const rows = (labels: LabelRow[], boxes: BoxRow[], r: ResultRow | undefined = result) => mediaObservations('m1', common, { labels, result: r, boxes }).map((o) => o.row);

describe('media-level observations of a picture', () => {
  it('keeps boxes inside the picture with width and height above 0', () => {
    expect(camtrapBox(0.1, 0.2, 0.3, 0.4)).toEqual({ bboxX: 0.1, bboxY: 0.2, bboxWidth: 0.3, bboxHeight: 0.4 });
    expect(camtrapBox(-0.05, 0.9, 0.2, 0.3)).toEqual({ bboxX: 0, bboxY: 0.9, bboxWidth: 0.15, bboxHeight: 0.1 });
    expect(camtrapBox(1.2, 0.5, 0.1, 0.1)).toBeNull();
    expect(camtrapBox(0.5, 0.5, 0, 0.1)).toBeNull();
  });

  it('writes each label with its reviewer and time, and each box above the run’s threshold with the model and its confidence', () => {
    const out = rows([label({}), label({ observationId: 2, detectionId: 7, scientificName: 'Meles meles', count: null, x: 0.5, y: 0.5, w: 0.2, h: 0.2 })], [box(7, 'animal'), box(8, 'person', 0.3)]);
    expect(out).toEqual([
      expect.objectContaining({ observationID: 'm1-h1', observationType: 'animal', scientificName: 'Vulpes vulpes', count: 2, classificationMethod: 'human', classifiedBy: 'Ada', classificationTimestamp: '2024-05-02T08:00:00Z' }),
      expect.objectContaining({ observationID: 'm1-h2', scientificName: 'Meles meles', bboxX: 0.5, bboxWidth: 0.2, classificationMethod: 'human' }),
      expect.objectContaining({ observationID: 'm1-m7', observationType: 'animal', classificationMethod: 'machine', classifiedBy: 'MegaDetector 5a', classificationProbability: 0.9, classificationTimestamp: '2024-05-01T10:00:00Z', bboxX: 0.1 }),
      expect.objectContaining({ observationID: 'm1-m8', observationType: 'human', classificationProbability: 0.3 }),
    ]);
  });

  it('writes blank where a person marked the picture empty (the boxes overruled) or the detector found nothing', () => {
    expect(rows([label({ observationType: 'blank', scientificName: null, count: null })], [box(7, 'animal')])).toEqual([
      expect.objectContaining({ observationID: 'm1-h1', observationType: 'blank', scientificName: null, classificationMethod: 'human' }),
    ]);
    expect(rows([], [])).toEqual([expect.objectContaining({ observationID: 'm1-m0', observationType: 'blank', classificationMethod: 'machine', classifiedBy: 'MegaDetector 5a' })]);
    // A picture the detector could not read, and one it never saw, have no observation.
    expect(rows([], [], { ...result, status: 'failed' })).toEqual([]);
    expect(mediaObservations('m1', common, { labels: [], result: undefined, boxes: [] })).toEqual([]);
  });

  it('leaves out a box a person marked false, and is not blank for it', () => {
    const marked = label({ detectionId: 7, observationType: 'blank', scientificName: null, falseDetection: 1 });
    expect(rows([marked], [box(7, 'animal')])).toEqual([]);
    expect(rows([marked], [box(7, 'animal'), box(9, 'vehicle')]).map((r) => r.observationID)).toEqual(['m1-m9']);
  });

  it('tells when a picture shows people, so that it is not marked public', () => {
    expect(showsPeople({ labels: [], result, boxes: [box(1, 'person')] })).toBe(true);
    expect(showsPeople({ labels: [label({ observationType: 'human', scientificName: null })], result, boxes: [] })).toBe(true);
    expect(showsPeople({ labels: [label({})], result, boxes: [box(1, 'animal')] })).toBe(false);
  });
});
