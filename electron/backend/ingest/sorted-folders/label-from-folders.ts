import type { FolderSpecies } from './folder-species.ts';
import type { Db } from '../../library/db.ts';
import { recordReview } from '../../review/review-actions.ts';

/**
 * Each medium an import brought in (or found already there) gets a person's observation of the
 * species its folder was sorted into, classifiedBy naming the folder, as one review action that
 * can be undone. A medium someone has already labelled keeps its labels.
 */
export function labelFromFolders(db: Db, importId: number, speciesOf: Map<string, string>, species: Map<string, FolderSpecies>): number {
  const items = db
    .prepare(
      `SELECT i.source_path AS sourcePath, i.media_pk AS mediaPk FROM import_items i
       WHERE i.import_id = ? AND i.media_pk IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.media_pk = i.media_pk AND o.superseded_by IS NULL)`,
    )
    .all(importId) as { sourcePath: string; mediaPk: number }[];
  const rows = items.flatMap((item) => {
    const folder = speciesOf.get(item.sourcePath);
    const what = folder === undefined ? undefined : species.get(folder);
    if (folder === undefined || !what) return [];
    return [{ mediaPk: item.mediaPk, detectionId: null, ...what, count: null, falseDetection: false, classifiedBy: `folder name: ${folder}` }];
  });
  if (rows.length === 0) return 0;
  db.transaction(() => recordReview(db, 'label', 'Species from folder names', rows))();
  return new Set(rows.map((r) => r.mediaPk)).size;
}
