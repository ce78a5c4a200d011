import type { ImportFileNote, ImportState, ImportSummary } from './contract.ts';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';
import { readSays } from '../rpc/stored-says.ts';

interface ImportRow {
  importId: number;
  deploymentID: string;
  source: string;
  state: ImportState;
  message: string | null;
}

export function importSummary(db: Db, importId: number): ImportSummary {
  const row = db
    .prepare('SELECT import_id AS importId, deployment_id AS deploymentID, source_root AS source, state, message FROM imports WHERE import_id = ?')
    .get(importId) as ImportRow | undefined;
  if (!row) throw new StationError('not-found', 'import-not-found', { import: importId });
  const count = (status: string) =>
    (db.prepare('SELECT COUNT(*) AS n FROM import_items WHERE import_id = ? AND status = ?').get(importId, status) as { n: number }).n;
  const notes = (sql: string): ImportFileNote[] =>
    (db.prepare(sql).all(importId) as { path: string; reason: string }[]).map(({ path, reason }) => {
      const { text, says } = readSays(reason);
      return { path, reason: text, ...(says ? { says } : {}) };
    });
  const { text: message, says } = row.message === null ? { text: null, says: undefined } : readSays(row.message);
  return {
    ...row,
    message,
    ...(says ? { says } : {}),
    imported: count('imported'),
    duplicates: count('duplicate'),
    failed: notes("SELECT source_path AS path, reason FROM import_items WHERE import_id = ? AND status = 'failed' ORDER BY source_path"),
    notImported: notes("SELECT source_path AS path, reason FROM import_items WHERE import_id = ? AND status = 'not-imported' ORDER BY source_path"),
    warnings: notes("SELECT source_path AS path, reason FROM import_items WHERE import_id = ? AND status = 'imported' AND reason IS NOT NULL ORDER BY source_path"),
  };
}

export function listImports(db: Db): ImportSummary[] {
  const ids = db.prepare('SELECT import_id AS id FROM imports ORDER BY import_id DESC LIMIT 50').all() as { id: number }[];
  return ids.map(({ id }) => importSummary(db, id));
}
