import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';
import { readSays } from '../rpc/stored-says.ts';
import { getJob } from './jobs/job-store.ts';

const categoryIds = { animal: '1', person: '2', vehicle: '3' } as const;

interface ExportRow {
  mediaPk: number;
  filePath: string;
  status: 'ok' | 'failed';
  failure: string | null;
}

/**
 * A run as MegaDetector batch output (format 1.6), which Timelapse and AddaxAI read. Paths are
 * relative to the library's media/ folder; every box at or above 0.005 is written, as MegaDetector does.
 */
export interface MegadetectorBatch {
  info: { format_version: string; detector: string; detection_completion_time: string; detector_metadata: { megadetector_version: string; typical_detection_threshold: number; conservative_detection_threshold: number } };
  detection_categories: Record<'1' | '2' | '3', string>;
  images: ({ file: string; failure: string } | { file: string; detections: { category: '1' | '2' | '3'; conf: number; bbox: number[] }[] })[];
}

export function megadetectorJson(db: Db, runId: number): MegadetectorBatch {
  const job = getJob(db, runId);
  const run = db.prepare('SELECT default_threshold AS threshold, ended_at AS endedAt FROM detection_runs WHERE run_id = ?').get(runId) as { threshold: number; endedAt: string | null };
  const rows = db
    .prepare(
      `SELECT x.media_pk AS mediaPk, m.file_path AS filePath, x.status, x.failure FROM detection_results x JOIN media m ON m.media_pk = x.media_pk
       WHERE x.run_id = ? ORDER BY m.file_path`,
    )
    .all(runId) as ExportRow[];
  const boxes = db.prepare('SELECT category, conf, x, y, w, h FROM detections WHERE run_id = ? AND media_pk = ? ORDER BY conf DESC');
  return {
    info: {
      format_version: '1.6',
      detector: `${job.modelID} ${job.modelVersion}`,
      detection_completion_time: run.endedAt ?? new Date().toISOString(),
      detector_metadata: { megadetector_version: job.modelID, typical_detection_threshold: run.threshold, conservative_detection_threshold: Math.min(run.threshold, 0.05) },
    },
    detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
    images: rows.map((r) => {
      const file = r.filePath.replace(/^media\//, '');
      if (r.status === 'failed') return { file, failure: r.failure === null ? 'Failure image access' : readSays(r.failure).text };
      const detections = (boxes.all(runId, r.mediaPk) as { category: keyof typeof categoryIds; conf: number; x: number; y: number; w: number; h: number }[]).map((b) => ({
        category: categoryIds[b.category],
        conf: b.conf,
        bbox: [b.x, b.y, b.w, b.h],
      }));
      return { file, detections };
    }),
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
