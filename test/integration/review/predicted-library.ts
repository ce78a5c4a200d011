import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../electron/backend/library/db.ts';
import { testBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { libraryWithMedia, type PlannedMedia } from '../exchange/results-library.ts';

/** SpeciesNet's label for a taxon: uuid;class;order;family;genus;species;common name. */
export const taxa = {
  fox: 'b1a3f1c1-1d51-4a6b-a4d2-0f5d7a1e2c3b;mammalia;carnivora;canidae;vulpes;vulpes;red fox',
  roeDeer: '5c7ce479-8a45-40b3-ae21-7c97dfae22f5;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;european roe deer',
  boar: '7d6a8d2e-0000-4000-8000-000000000001;mammalia;cetartiodactyla;suidae;sus;scrofa;wild boar',
  badger: '7d6a8d2e-0000-4000-8000-000000000002;mammalia;carnivora;mustelidae;meles;meles;european badger',
  steppeMouse: '7d6a8d2e-0000-4000-8000-000000000003;mammalia;rodentia;muridae;apodemus;witherbyi;steppe field mouse',
  blank: 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
} as const;

export interface Said {
  file: string;
  label: string;
  score: number;
  /** Animal boxes, [x, y, w, h] relative, each at 0.9. */
  boxes?: [number, number, number, number][];
}

/** The pictures of one deployment: a sequence of three, then three sequences of one, an hour apart. */
export const pictures: PlannedMedia[] = [
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0001.JPG', time: '2023-05-01 10:00:00' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0002.JPG', time: '2023-05-01 10:00:05' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0003.JPG', time: '2023-05-01 10:00:10' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0004.JPG', time: '2023-05-01 12:00:00' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0005.JPG', time: '2023-05-01 14:00:00' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0006.JPG', time: '2023-05-01 16:00:00' },
];

/** A SpeciesNet predictions.json as the ensemble writes it, made on another machine's card folder. */
export function speciesnetFile(said: Said[]): string {
  const file = path.join(tempDir('camtrap-predictions-'), 'predictions.json');
  const predictions = said.map((s) => ({
    filepath: `/home/ranger/card-2023-05/DCIM/100RECNX/${s.file}`,
    classifications: { classes: [s.label, taxa.blank], scores: [s.score, Math.max(0, 1 - s.score - 0.01)] },
    detections: (s.boxes ?? []).map((bbox) => ({ category: '1', label: 'animal', conf: 0.9, bbox })),
    prediction: s.label,
    prediction_score: s.score,
    prediction_source: 'classifier',
    model_version: '4.0.1a',
  }));
  fs.writeFileSync(file, JSON.stringify({ predictions }, null, 1));
  return file;
}

/** A library with the pictures above, grouped in sequences a minute apart at most, and SpeciesNet's predictions imported as runs. */
export async function libraryWithPredictions(t: ReturnType<typeof testBackend>, runs: Said[][]): Promise<{ db: Db; runIds: number[]; ids: Map<string, string> }> {
  const { db } = await libraryWithMedia(t, pictures);
  await t.must('library.setSequenceGap', { seconds: 60 });
  const runIds: number[] = [];
  for (const said of runs) runIds.push((await t.must('exchange.importResults', { file: speciesnetFile(said) })).runId);
  const ids = new Map((db.prepare('SELECT file_name AS name, media_id AS id FROM media').all() as { name: string; id: string }[]).map((r) => [r.name, r.id]));
  return { db, runIds, ids };
}

/** IMG_0004 is seen by two runs: the newer one (a badger on one box, a fox on the other) replaces the older (a boar). */
export const firstRun: Said[] = [
  { file: 'IMG_0001.JPG', label: taxa.fox, score: 0.95 },
  { file: 'IMG_0002.JPG', label: taxa.fox, score: 0.55 },
  { file: 'IMG_0003.JPG', label: taxa.roeDeer, score: 0.4 },
  { file: 'IMG_0004.JPG', label: taxa.boar, score: 0.9 },
  { file: 'IMG_0006.JPG', label: taxa.blank, score: 0.8 },
];
export const secondRun: Said[] = [{ file: 'IMG_0004.JPG', label: taxa.badger, score: 0.7, boxes: [[0.1, 0.1, 0.2, 0.2], [0.6, 0.5, 0.2, 0.2]] }];

/** The species stage of a run classifies each box: the run's prediction for IMG_0004 moves to its first box, and the second box gets a fox. */
function classifyBoxes(db: Db, runId: number): number[] {
  const boxes = db.prepare('SELECT detection_id FROM detections WHERE run_id = ? ORDER BY x').pluck().all(runId) as number[];
  db.prepare("UPDATE classifications SET detection_id = ? WHERE run_id = ? AND kind = 'prediction'").run(boxes[0], runId);
  db.prepare(
    `INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, description, observation_type, scientific_name, vernacular_name, conf, source)
     SELECT run_id, media_pk, ?, kind, rank, 'red fox', ?, 'animal', 'Vulpes vulpes', 'red fox', 0.6, source FROM classifications WHERE run_id = ? AND kind = 'prediction'`,
  ).run(boxes[1], taxa.fox, runId);
  return boxes;
}

/** Both runs, the second classified box by box. */
export async function predictedLibrary() {
  const t = testBackend();
  const made = await libraryWithPredictions(t, [firstRun, secondRun]);
  const boxes = classifyBoxes(made.db, made.runIds[1] as number);
  return { t, ...made, boxes };
}

export interface ObservationRow {
  file: string;
  box: number | null;
  type: string;
  name: string | null;
  count: number | null;
  by: string | null;
}

/** The active observations, as rows that can be compared before and after. */
export function observations(db: Db): ObservationRow[] {
  return db
    .prepare(
      `SELECT m.file_name AS file, o.detection_id AS box, o.observation_type AS type, o.scientific_name AS name, o.count, o.classified_by AS by
       FROM observations o JOIN media m ON m.media_pk = o.media_pk WHERE o.superseded_by IS NULL ORDER BY m.file_name, o.detection_id`,
    )
    .all() as ObservationRow[];
}
