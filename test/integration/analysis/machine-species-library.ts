import fs from 'node:fs';
import path from 'node:path';
import type { testBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { libraryWithMedia, type PlannedMedia } from '../exchange/results-library.ts';

export const labels = {
  fox: 'b1a3f1c1-1d51-4a6b-a4d2-0f5d7a1e2c3b;mammalia;carnivora;canidae;vulpes;vulpes;red fox',
  deer: '5c7ce479-8a45-40b3-ae21-7c97dfae22f5;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;european roe deer',
  badger: '9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b;mammalia;carnivora;mustelidae;meles;meles;european badger',
  blank: 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
} as const;

type Said = { label: keyof typeof labels; score: number };

/** Pictures at the pond (loc1, dep1) and on the ridge (loc2, dep2), with what SpeciesNet says of each. */
export const pictures: (PlannedMedia & { said: Said })[] = [
  { deploymentID: 'dep1', path: 'DCIM/IMG_0001.JPG', time: '2023-05-01 10:00:00', said: { label: 'fox', score: 0.92 } },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0002.JPG', time: '2023-05-01 10:05:00', said: { label: 'fox', score: 0.95 } },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0003.JPG', time: '2023-05-03 22:00:00', said: { label: 'deer', score: 0.75 } },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0004.JPG', time: '2023-05-04 03:00:00', said: { label: 'blank', score: 0.99 } },
  { deploymentID: 'dep2', path: '100RECNX/IMG_0101.JPG', time: '2023-06-01 22:00:00', said: { label: 'fox', score: 0.6 } },
  { deploymentID: 'dep2', path: '100RECNX/IMG_0102.JPG', time: '2023-06-02 22:00:00', said: { label: 'badger', score: 0.9 } },
];

/** A SpeciesNet predictions.json as its run_model writes it: the ensemble's answer per picture, with the detector's boxes. */
export function predictionsFile(entries: { file: string; said: Said }[]): string {
  const predictions = entries.map(({ file, said }) => ({
    filepath: file,
    classifications: { classes: [labels[said.label], labels.blank], scores: [said.score, Math.round((1 - said.score) * 100) / 100] },
    detections: said.label === 'blank' ? [] : [{ category: '1', label: 'animal', conf: 0.9, bbox: [0.1, 0.2, 0.3, 0.4] }],
    prediction: labels[said.label],
    prediction_score: said.score,
    prediction_source: 'classifier',
    model_version: '4.0.1a',
  }));
  const file = path.join(tempDir('camtrap-predictions-'), 'predictions.json');
  fs.writeFileSync(file, JSON.stringify({ predictions }, null, 1));
  return file;
}

/** Imports a predictions file as the Exchange page does: the suggested root and folder, then the import. */
export async function importPredictions(t: ReturnType<typeof testBackend>, entries: { file: string; said: Said }[]) {
  const file = predictionsFile(entries);
  const preview = await t.must('exchange.previewResults', { file });
  if (preview.matched !== entries.length) throw new Error(`only ${preview.matched} of ${entries.length} predictions matched`);
  return t.must('exchange.importResults', { file, root: preview.root, folder: preview.folder });
}

/** A library whose only species are the machine's: every picture predicted by a SpeciesNet file, nobody has labelled. */
export async function libraryWithPredictions(t: ReturnType<typeof testBackend>) {
  const lib = await libraryWithMedia(t, pictures);
  const run = await importPredictions(
    t,
    pictures.map((p) => ({ file: `${p.deploymentID}/${p.path}`, said: p.said })),
  );
  const mediaIDOf = (p: string) => lib.db.prepare('SELECT media_id FROM media WHERE file_path = ?').pluck().get(`media/${p}`) as string;
  return { ...lib, runId: run.runId, mediaIDOf };
}
