import fs from 'node:fs';
import path from 'node:path';
import type { testBackend } from './backend.ts';
import { tempDir } from './temp-dir.ts';

/**
 * Boxes for pictures already in the library, brought in as another computer's MegaDetector
 * results file (the app's own import): a detection run to classify whose boxes a test chose.
 */
export async function runWithBoxes(t: ReturnType<typeof testBackend>, boxes: Record<string, [number, number, number, number][]>): Promise<number> {
  const { db } = t.backend.requireLibrary();
  const images = Object.entries(boxes).map(([fileName, list]) => {
    const row = db.prepare('SELECT file_path AS filePath FROM media WHERE file_name = ?').get(fileName) as { filePath: string } | undefined;
    if (!row) throw new Error(`no picture named ${fileName} in the library`);
    return { file: row.filePath, detections: list.map((bbox) => ({ category: '1', conf: 0.9, bbox })) };
  });
  const file = path.join(tempDir('camtrap-boxes-'), 'boxes.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ info: { format_version: '1.4', detector: 'md_v5a.0.0.pt', detector_metadata: { megadetector_version: 'v5a.0.0', typical_detection_threshold: 0.2 } }, detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' }, images }),
  );
  const imported = await t.must('exchange.importResults', { file });
  return imported.runId;
}
