import { z } from 'zod';
import { clipBox, isRelative } from './box-geometry.ts';
import { speciesnetIdentity } from './detector-identity.ts';
import { displayName, labelMeaning } from './machine-label.ts';
import type { MachineLabel, ResultBox, ResultEntry, ResultsFile } from './results-file.ts';
import { issueProblem, wherePath, type ResultsProblems } from './results-problems.ts';
import type { Category } from '../../detect/model-manifest.ts';

const conf = z.number().min(0).max(1);
const predictionSchema = z.object({
  filepath: z.string().min(1),
  failures: z.array(z.string()).nullish(),
  classifications: z.object({ classes: z.array(z.string()), scores: z.array(conf) }).nullish(),
  detections: z.array(z.object({ category: z.string().min(1), label: z.string().nullish(), conf, bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) })).nullish(),
  prediction: z.string().nullish(),
  prediction_score: conf.nullish(),
  prediction_source: z.string().nullish(),
  model_version: z.string().nullish(),
});

/** SpeciesNet's predictions.json (google/cameratrapai, README "Output format"): the full ensemble, or the detector or classifier alone. */
export const speciesnetSchema = z.object({ predictions: z.array(predictionSchema) });
type Prediction = z.infer<typeof predictionSchema>;

const byLabel: Record<string, Category> = { animal: 'animal', human: 'person', person: 'person', vehicle: 'vehicle' };
const byId: Record<string, Category> = { '1': 'animal', '2': 'person', '3': 'vehicle' };

function labelsOf(p: Prediction, where: string, problems: ResultsProblems): MachineLabel[] {
  const labels: MachineLabel[] = [];
  if (p.prediction) {
    if (p.prediction_score === undefined || p.prediction_score === null) problems.add('results-value-missing', { where: `${where}.prediction_score` });
    labels.push({ kind: 'prediction', rank: 1, label: displayName(p.prediction), description: p.prediction, conf: p.prediction_score ?? 0, source: p.prediction_source ?? null, ...labelMeaning(p.prediction) });
  }
  const c = p.classifications;
  if (c && c.classes.length !== c.scores.length) problems.add('results-scores-mismatch', { where: `${where}.classifications` });
  else if (c) {
    c.classes.forEach((cls, i) => {
      labels.push({ kind: 'ranked', rank: i + 1, label: displayName(cls), description: cls, conf: c.scores[i] ?? 0, source: null, ...labelMeaning(cls) });
    });
  }
  return labels;
}

/**
 * The entries of a SpeciesNet file. A picture the detector failed on is a failure; the
 * classifier's top five and the ensemble's final prediction belong to the whole picture.
 */
export function readSpeciesnet(raw: unknown, problems: ResultsProblems): ResultsFile | null {
  const parsed = speciesnetSchema.safeParse(raw, { reportInput: true });
  const predictions = (raw as { predictions?: { filepath?: unknown }[] }).predictions;
  const fileOf = (i: number) => (Array.isArray(predictions) && typeof predictions[i]?.filepath === 'string' ? (predictions[i].filepath as string) : undefined);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issueProblem(issue, wherePath(issue.path, fileOf)));
    return null;
  }
  let lowest: number | null = null;
  let version: string | null = null;
  const entries: ResultEntry[] = parsed.data.predictions.map((p, index) => {
    const where = `predictions[${index}] (${p.filepath})`;
    version ??= p.model_version ?? null;
    const failures = p.failures ?? [];
    const failed = failures.includes('DETECTOR') || (failures.length > 0 && !p.detections);
    const boxes: ResultBox[] = [];
    let skipped = 0;
    for (const [k, d] of (p.detections ?? []).entries()) {
      if (!isRelative(d.bbox)) problems.add('results-bbox-not-relative', { where: `${where}.detections[${k}]` });
      const category = byLabel[(d.label ?? '').toLowerCase()] ?? byId[d.category];
      const bbox = clipBox(d.bbox);
      lowest = Math.min(lowest ?? d.conf, d.conf);
      if (!category || !bbox) skipped += 1;
      else boxes.push({ category, conf: d.conf, bbox, frameNumber: null, labels: [] });
    }
    return {
      index,
      file: p.filepath,
      failure: failed ? failures.join(', ') : null,
      boxes: failed ? [] : boxes,
      skippedBoxes: skipped,
      labels: labelsOf(p, where, problems),
      frameRate: null,
      framesProcessed: null,
    };
  });
  const identity = speciesnetIdentity(version, lowest);
  return {
    format: 'speciesnet',
    formatVersion: null,
    detector: identity,
    classifier: entries.some((e) => e.labels.length > 0) ? identity.modelName : null,
    info: { model_version: version },
    entries,
  };
}
