import { z } from 'zod';
import { clipBox, isRelative } from './box-geometry.ts';
import { megadetectorIdentity } from './detector-identity.ts';
import { labelMeaning } from './machine-label.ts';
import type { MachineLabel, ResultBox, ResultEntry, ResultsFile } from './results-file.ts';
import { issueProblem, wherePath, type ResultsProblems } from './results-problems.ts';
import type { Category } from '../../detect/model-manifest.ts';

const conf = z.number().min(0).max(1);
const detectionSchema = z.object({
  category: z.string().min(1),
  conf,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  classifications: z.array(z.tuple([z.string(), conf])).nullish(),
  frame_number: z.number().int().min(0).nullish(),
});
const imageSchema = z.object({
  file: z.string().min(1),
  detections: z.array(detectionSchema).nullish(),
  failure: z.string().nullish(),
  frame_rate: z.number().positive().nullish(),
  frames_processed: z.array(z.number().int().min(0)).nullish(),
});
const threshold = z.number().min(0).max(1).nullish();

/** MegaDetector batch output, format 1.0 to 1.6 (https://lila.science/megadetector-output-format); unknown fields are allowed. */
export const megadetectorSchema = z.object({
  info: z
    .object({
      format_version: z.union([z.string(), z.number()]).nullish(),
      detector: z.string().nullish(),
      classifier: z.string().nullish(),
      detector_metadata: z.object({ megadetector_version: z.string().nullish(), typical_detection_threshold: threshold, conservative_detection_threshold: threshold }).nullish(),
    })
    .nullish(),
  detection_categories: z.record(z.string(), z.string()),
  classification_categories: z.record(z.string(), z.string()).nullish(),
  classification_category_descriptions: z.record(z.string(), z.string()).nullish(),
  images: z.array(imageSchema),
});
type Megadetector = z.infer<typeof megadetectorSchema>;

const categoryNames: Record<string, Category> = { animal: 'animal', animals: 'animal', person: 'person', human: 'person', people: 'person', vehicle: 'vehicle' };

function formatVersion(data: Megadetector, file: string, problems: ResultsProblems): string | null {
  const raw = data.info?.format_version;
  if (raw === undefined || raw === null) return null;
  const version = String(raw);
  if (!/^1\.\d+$/.test(version) || Number(version.split('.')[1]) > 6) problems.add('results-format-version', { file, version });
  return version;
}

/**
 * The entries of a MegaDetector file, checked: boxes relative to the picture, categories that
 * the file lists. Boxes of classes the library does not keep are counted, not refused, as the
 * format says such categories mean "no detection"; what a classifier said of them is kept for the picture.
 */
export function readMegadetector(raw: unknown, file: string, problems: ResultsProblems): ResultsFile | null {
  const parsed = megadetectorSchema.safeParse(raw, { reportInput: true });
  const images = (raw as { images?: { file?: unknown }[] }).images;
  const fileOf = (i: number) => (Array.isArray(images) && typeof images[i]?.file === 'string' ? (images[i].file as string) : undefined);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issueProblem(issue, wherePath(issue.path, fileOf)));
    return null;
  }
  const data = parsed.data;
  const version = formatVersion(data, file, problems);
  const names = data.classification_categories ?? {};
  const descriptions = data.classification_category_descriptions ?? {};
  let lowest: number | null = null;
  const entries: ResultEntry[] = data.images.map((image, index) => {
    const boxes: ResultBox[] = [];
    const wholeImage: MachineLabel[] = [];
    let skipped = 0;
    (image.detections ?? []).forEach((d, k) => {
      const where = `images[${index}].detections[${k}] (${image.file})`;
      const name = data.detection_categories[d.category];
      if (name === undefined) problems.add('results-category-unknown', { where, category: d.category });
      if (!isRelative(d.bbox)) problems.add('results-bbox-not-relative', { where });
      const labels = (d.classifications ?? []).map(([id, score], rank): MachineLabel => {
        const label = names[id];
        if (label === undefined) problems.add('results-classification-unknown', { where, category: id });
        const description = descriptions[id] ?? null;
        const meaning = labelMeaning(description ?? label ?? id);
        // A description that is only a scientific name leaves the category's name as the common name.
        const vernacularName = meaning.vernacularName ?? (description && label && label !== description && meaning.scientificName ? label : null);
        return { kind: 'ranked', rank: rank + 1, label: label ?? id, description, conf: score, source: null, ...meaning, vernacularName };
      });
      const category = categoryNames[(name ?? '').trim().toLowerCase()];
      const bbox = clipBox(d.bbox);
      lowest = Math.min(lowest ?? d.conf, d.conf);
      if (!category || !bbox) {
        skipped += 1;
        if (wholeImage.length === 0) wholeImage.push(...labels);
        return;
      }
      boxes.push({ category, conf: d.conf, bbox, frameNumber: d.frame_number ?? null, labels });
    });
    const failed = typeof image.failure === 'string' && image.failure.length > 0;
    return {
      index,
      file: image.file,
      failure: failed ? (image.failure as string) : null,
      boxes: failed ? [] : boxes,
      skippedBoxes: skipped,
      labels: failed ? [] : wholeImage,
      frameRate: image.frame_rate ?? null,
      framesProcessed: image.frames_processed ?? null,
    };
  });
  return {
    format: 'megadetector',
    formatVersion: version,
    detector: megadetectorIdentity(data.info ?? {}, lowest),
    classifier: data.info?.classifier ?? null,
    info: (raw as { info?: Record<string, unknown> }).info ?? {},
    entries,
  };
}

