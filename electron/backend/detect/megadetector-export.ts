import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';
import { readSays } from '../rpc/stored-says.ts';
import { getJob } from './jobs/job-store.ts';
import { boxClassifications, type Classifier } from './megadetector-classifications.ts';

const categoryIds = { animal: '1', person: '2', vehicle: '3' } as const;

interface ExportRow {
  mediaPk: number;
  filePath: string;
  status: 'ok' | 'failed';
  failure: string | null;
  frameRate: number | null;
  framesProcessed: string | null;
}

interface BoxRow {
  detectionId: number;
  category: keyof typeof categoryIds;
  conf: number;
  x: number;
  y: number;
  w: number;
  h: number;
  frameNumber: number | null;
}

export interface MegadetectorDetection {
  category: '1' | '2' | '3';
  conf: number;
  bbox: number[];
  frame_number?: number;
  classifications?: [string, number][];
}

type MegadetectorImage =
  | { file: string; failure: string; detections: null }
  | { file: string; detections: MegadetectorDetection[]; frame_rate?: number; frames_processed?: number[] };

/**
 * A run as MegaDetector batch output (format 1.6), which Timelapse and AddaxAI read. Paths are
 * relative to the library's media/ folder; every box at or above 0.005 is written, as MegaDetector
 * does. Species, once people have labelled or a classifier has named them, go with the boxes as
 * classifications; videos carry their frame rate, the frames looked at and each box's frame.
 */
export interface MegadetectorBatch {
  info: Record<string, unknown> & { format_version: string; detector: string; detection_completion_time: string; detector_metadata: Record<string, unknown> };
  detection_categories: Record<'1' | '2' | '3', string>;
  classification_categories?: Record<string, string>;
  classification_category_descriptions?: Record<string, string>;
  images: MegadetectorImage[];
}

interface RunRow {
  threshold: number;
  endedAt: string | null;
  conservative: number | null;
  classifier: string | null;
  infoJson: string | null;
}

/** An imported run gives back the description it came with; one made here describes its model. */
function runInfo(runId: number, run: RunRow, db: Db): MegadetectorBatch['info'] {
  const job = getJob(db, runId);
  const metadata = { megadetector_version: job.modelVersion, typical_detection_threshold: run.threshold, conservative_detection_threshold: run.conservative ?? Math.min(run.threshold, 0.05) };
  let kept: Record<string, unknown> = {};
  if (run.infoJson) {
    try {
      const parsed: unknown = JSON.parse(run.infoJson);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) kept = parsed as Record<string, unknown>;
    } catch {
      // A damaged description is left out; the run's own columns still describe it.
    }
  }
  const keptMetadata = kept.detector_metadata && typeof kept.detector_metadata === 'object' ? (kept.detector_metadata as Record<string, unknown>) : {};
  const detector = run.infoJson ? job.modelName : `${job.modelID} ${job.modelVersion}`;
  return {
    ...kept,
    format_version: '1.6',
    detector: typeof kept.detector === 'string' ? kept.detector : detector,
    detection_completion_time: typeof kept.detection_completion_time === 'string' ? kept.detection_completion_time : (run.endedAt ?? new Date().toISOString()),
    ...(run.classifier ? { classifier: run.classifier } : {}),
    detector_metadata: { ...keptMetadata, ...metadata },
  };
}

/** A failure the results file gave is written back in its own words. */
function failureText(stored: string | null): string {
  if (stored === null) return 'Failure image access';
  const said = readSays(stored);
  const fromFile = said.says?.[0];
  return fromFile?.key === 'results-failure-in-file' && typeof fromFile.values?.detail === 'string' ? fromFile.values.detail : said.text;
}

function framesOf(json: string | null): number[] | undefined {
  if (json === null) return undefined;
  try {
    const frames: unknown = JSON.parse(json);
    return Array.isArray(frames) && frames.every((f) => Number.isInteger(f)) ? (frames as number[]) : undefined;
  } catch {
    return undefined;
  }
}

export function megadetectorJson(db: Db, runId: number): MegadetectorBatch {
  const run = db
    .prepare(
      `SELECT default_threshold AS threshold, ended_at AS endedAt, conservative_threshold AS conservative, classifier, info_json AS infoJson
       FROM detection_runs WHERE run_id = ?`,
    )
    .get(runId) as RunRow | undefined;
  if (!run) throw new StationError('not-found', 'detection-job-missing', { runId });
  const info = runInfo(runId, run, db);
  const rows = db
    .prepare(
      `SELECT x.media_pk AS mediaPk, m.file_path AS filePath, x.status, x.failure, x.frame_rate AS frameRate, x.frames_processed AS framesProcessed
       FROM detection_results x JOIN media m ON m.media_pk = x.media_pk
       WHERE x.run_id = ? ORDER BY m.file_path`,
    )
    .all(runId) as ExportRow[];
  const boxes = db.prepare('SELECT detection_id AS detectionId, category, conf, x, y, w, h, frame_number AS frameNumber FROM detections WHERE run_id = ? AND media_pk = ? ORDER BY conf DESC');
  const classify: Classifier = boxClassifications(db, runId, run.threshold);
  const images = rows.map((r): MegadetectorImage => {
    const file = r.filePath.replace(/^media\//, '');
    if (r.status === 'failed') return { file, failure: failureText(r.failure), detections: null };
    const all = boxes.all(runId, r.mediaPk) as BoxRow[];
    // A video's result, as MegaDetector writes it: for each class the box of the frame it is surest of (the list is best first).
    const found = r.frameRate === null ? all : all.filter((b, i) => all.findIndex((o) => o.category === b.category) === i);
    const labels = classify.forMedia(r.mediaPk, found);
    const detections = found.map((b): MegadetectorDetection => {
      const said = labels.get(b.detectionId);
      return {
        category: categoryIds[b.category],
        conf: b.conf,
        bbox: [b.x, b.y, b.w, b.h],
        ...(b.frameNumber !== null ? { frame_number: b.frameNumber } : {}),
        ...(said && said.length > 0 ? { classifications: said } : {}),
      };
    });
    const frames = framesOf(r.framesProcessed);
    return { file, ...(r.frameRate !== null ? { frame_rate: r.frameRate } : {}), ...(frames ? { frames_processed: frames } : {}), detections };
  });
  const categories = classify.categories();
  return {
    info,
    detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
    ...(categories ? { classification_categories: categories.names, ...(categories.descriptions ? { classification_category_descriptions: categories.descriptions } : {}) } : {}),
    images,
  };
}

/** Written to a temporary name and renamed: a reader never sees half a file. */
export function writeMegadetectorJson(db: Db, runId: number, file: string): { file: string; images: number } {
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target))) throw new StationError('not-found', 'folder-gone', { path: path.dirname(target) });
  const json = megadetectorJson(db, runId);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(json, null, 1));
  fs.renameSync(tmp, target);
  return { file: target, images: json.images.length };
}
