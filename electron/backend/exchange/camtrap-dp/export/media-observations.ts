import { utcToCamtrap } from './camtrap-time.ts';
import type { BoxRow, LabelRow, PredictionRow, ResultRow } from './library-reads.ts';
import type { Cell } from '../csv/write-csv.ts';

/** One observations.csv row by column name. */
export type ObservationRow = Record<string, Cell>;

const machineType = { animal: 'animal', person: 'human', vehicle: 'vehicle' } as const;

/** A box as Camtrap DP wants it: top-left corner and size, relative, inside the picture, width and height above 0; null when nothing is left. */
export function camtrapBox(x: number, y: number, w: number, h: number): { bboxX: number; bboxY: number; bboxWidth: number; bboxHeight: number } | null {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const x0 = round(Math.min(1, Math.max(0, x)));
  const y0 = round(Math.min(1, Math.max(0, y)));
  const width = round(Math.min(1, x + w) - x0);
  const height = round(Math.min(1, y + h) - y0);
  if (!(width > 0) || !(height > 0)) return null;
  return { bboxX: x0, bboxY: y0, bboxWidth: width, bboxHeight: height };
}

export interface MediumFindings {
  labels: LabelRow[];
  result: ResultRow | undefined;
  /** The latest result's boxes at or above its run's threshold. */
  boxes: BoxRow[];
  /** The classifier's answers no person has overruled, of the latest run that gave any. */
  predictions?: PredictionRow[];
}

export interface MediumObservation {
  row: ObservationRow;
  /** The taxon of the independent events it belongs to (library/independent-events.ts), where it has one. */
  taxon: string | null;
  /** The label or box it was written from. */
  source: { observationId?: number; detectionId?: number };
}

/** A classifier's species as a machine observation: the classifier in classifiedBy, its probability, its box if it has one. */
function predictedSpecies(common: ObservationRow, observationID: string, p: PredictionRow): ObservationRow {
  return {
    ...common,
    observationID,
    observationType: 'animal',
    scientificName: p.scientificName,
    ...(p.x !== null && p.y !== null && p.w !== null && p.h !== null ? camtrapBox(p.x, p.y, p.w, p.h) : {}),
    classificationMethod: 'machine',
    classifiedBy: p.classifiedBy,
    classificationTimestamp: utcToCamtrap(p.classifiedAt),
    classificationProbability: p.conf,
  };
}

/**
 * The media-level observations of one picture: each person's label (with its box, the reviewer
 * and when), each box of the latest detection run at or above that run's threshold (the model
 * in classifiedBy, its confidence), and `blank` where a person marked the picture empty or the
 * detector found nothing in it. A box a person marked false, and the boxes of a picture a person
 * marked empty, are left out: the person overruled them. A box the classifier named is written
 * as that species (the classifier in classifiedBy, its probability); its answer for the whole
 * picture, or for a box of an older run, is an observation of its own. Answers a person
 * overruled never come here (library/machine-species.ts).
 */
export function mediaObservations(mediaID: string, common: ObservationRow, findings: MediumFindings): MediumObservation[] {
  const { labels, result } = findings;
  const markedEmpty = labels.find((l) => l.detectionId === null && l.observationType === 'blank');
  const human = (l: LabelRow): ObservationRow => ({
    ...common,
    observationID: `${mediaID}-h${l.observationId}`,
    observationType: l.observationType,
    scientificName: l.observationType === 'blank' ? null : l.scientificName,
    count: l.observationType === 'blank' ? null : l.count,
    ...(l.x !== null && l.y !== null && l.w !== null && l.h !== null ? camtrapBox(l.x, l.y, l.w, l.h) : {}),
    classificationMethod: 'human',
    classifiedBy: l.classifiedBy,
    classificationTimestamp: utcToCamtrap(l.createdAt),
  });
  if (markedEmpty) return [{ row: human(markedEmpty), taxon: null, source: { observationId: markedEmpty.observationId } }];
  const kept = labels.filter((l) => l.falseDetection === 0);
  const out: MediumObservation[] = kept.map((l) => ({ row: human(l), taxon: l.scientificName ? `species:${l.scientificName}` : null, source: { observationId: l.observationId } }));
  const predictions = findings.predictions ?? [];
  const onBox = new Map(predictions.filter((p) => p.detectionId !== null).map((p) => [p.detectionId, p]));
  const written = new Set<number>();
  const machine =
    result?.status === 'ok' ? { classificationMethod: 'machine', classifiedBy: `${result.modelName} ${result.modelVersion}`.trim(), classificationTimestamp: utcToCamtrap(result.finishedAt) } : null;
  if (machine) {
    const falseBoxes = new Set(labels.filter((l) => l.falseDetection === 1 && l.detectionId !== null).map((l) => l.detectionId));
    for (const b of findings.boxes.filter((x) => !falseBoxes.has(x.detectionId))) {
      const named = onBox.get(b.detectionId);
      if (named) {
        written.add(named.classificationId);
        out.push({ row: predictedSpecies(common, `${mediaID}-m${b.detectionId}`, named), taxon: `species:${named.scientificName}`, source: {} });
        continue;
      }
      out.push({
        row: { ...common, ...machine, observationID: `${mediaID}-m${b.detectionId}`, observationType: machineType[b.category], ...camtrapBox(b.x, b.y, b.w, b.h), classificationProbability: b.conf },
        taxon: `class:${b.category}`,
        source: { detectionId: b.detectionId },
      });
    }
  }
  for (const p of predictions) {
    if (!written.has(p.classificationId)) out.push({ row: predictedSpecies(common, `${mediaID}-c${p.classificationId}`, p), taxon: `species:${p.scientificName}`, source: {} });
  }
  if (machine && out.length === 0 && findings.boxes.length === 0) out.push({ row: { ...common, ...machine, observationID: `${mediaID}-m0`, observationType: 'blank' }, taxon: null, source: {} });
  return out;
}

/** Whether a picture shows a person, by a person's word or the detector's: such a file is not marked public. */
export function showsPeople(findings: MediumFindings): boolean {
  return findings.labels.some((l) => l.observationType === 'human' && l.falseDetection === 0) || findings.boxes.some((b) => b.category === 'person');
}
