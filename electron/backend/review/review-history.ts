import type { ReviewAction, ReviewHistory } from './contract.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import { deploymentsOfMedia, recomputeEvents } from '../library/independent-events.ts';

type ActionRow = Omit<ReviewAction, 'media' | 'scientificName'>;
const columns = 'action_id AS actionId, kind, summary, created_at AS createdAt';

/*
 * An undone action keeps its rows, marked as replaced by itself, so redo can bring them back.
 * What may be redone is what was undone after the last action still in force; a new action
 * forgets those (as every editor's redo does), and only then are their rows deleted.
 */

function lastInForce(db: Db): ActionRow | undefined {
  return db.prepare(`SELECT ${columns} FROM review_actions WHERE undone_at IS NULL ORDER BY action_id DESC LIMIT 1`).get() as ActionRow | undefined;
}

function nextToRedo(db: Db): ActionRow | undefined {
  const floor = lastInForce(db)?.actionId ?? 0;
  return db.prepare(`SELECT ${columns} FROM review_actions WHERE undone_at IS NOT NULL AND action_id > ? ORDER BY action_id LIMIT 1`).get(floor) as ActionRow | undefined;
}

function described(db: Db, row: ActionRow): ReviewAction {
  const facts = db
    .prepare('SELECT COUNT(DISTINCT media_pk) AS media, MAX(scientific_name) AS scientificName FROM observations WHERE action_id = ?')
    .get(row.actionId) as { media: number; scientificName: string | null };
  return { ...row, ...facts };
}

function touchedMedia(db: Db, actionId: number): number[] {
  return (db.prepare('SELECT DISTINCT media_pk AS pk FROM observations WHERE action_id = ?').all(actionId) as { pk: number }[]).map((r) => r.pk);
}

function recompute(db: Db, media: number[]): void {
  for (const d of deploymentsOfMedia(db, media)) recomputeEvents(db, d);
}

export function reviewHistory(db: Db): ReviewHistory {
  const undo = lastInForce(db);
  const redo = nextToRedo(db);
  return { undo: undo ? described(db, undo) : null, redo: redo ? described(db, redo) : null };
}

/** Takes back the latest action in force: its rows step aside, what it replaced comes back. */
export function undoLast(db: Db): ReviewAction | null {
  return db.transaction(() => {
    const last = lastInForce(db);
    if (!last) return null;
    const action = described(db, last);
    db.prepare('UPDATE observations SET superseded_by = NULL WHERE superseded_by = ? AND action_id != ?').run(last.actionId, last.actionId);
    db.prepare('UPDATE observations SET superseded_by = ? WHERE action_id = ?').run(last.actionId, last.actionId);
    db.prepare('UPDATE review_actions SET undone_at = ? WHERE action_id = ?').run(nowIso(), last.actionId);
    recompute(db, touchedMedia(db, last.actionId));
    return action;
  })();
}

/** Does again what the latest undo took back: its rows replace, once more, what is there now. */
export function redoNext(db: Db): ReviewAction | null {
  return db.transaction(() => {
    const next = nextToRedo(db);
    if (!next) return null;
    const own = db.prepare('SELECT observation_id AS id, media_pk AS mediaPk, detection_id AS detectionId FROM observations WHERE action_id = ?').all(next.actionId) as {
      id: number;
      mediaPk: number;
      detectionId: number | null;
    }[];
    const supersedeMedia = db.prepare('UPDATE observations SET superseded_by = ? WHERE media_pk = ? AND detection_id IS NULL AND superseded_by IS NULL');
    const supersedeBox = db.prepare('UPDATE observations SET superseded_by = ? WHERE detection_id = ? AND superseded_by IS NULL');
    for (const o of own) {
      if (o.detectionId === null) supersedeMedia.run(next.actionId, o.mediaPk);
      else supersedeBox.run(next.actionId, o.detectionId);
    }
    db.prepare('UPDATE observations SET superseded_by = NULL WHERE action_id = ?').run(next.actionId);
    db.prepare('UPDATE review_actions SET undone_at = NULL WHERE action_id = ?').run(next.actionId);
    recompute(db, touchedMedia(db, next.actionId));
    return described(db, next);
  })();
}

/** Called inside a new action's transaction: what was undone can no longer be redone. */
export function forgetUndone(db: Db): void {
  const floor = lastInForce(db)?.actionId ?? 0;
  const gone = db.prepare('SELECT action_id AS id FROM review_actions WHERE undone_at IS NOT NULL AND action_id > ?').all(floor) as { id: number }[];
  const dropRows = db.prepare('DELETE FROM observations WHERE action_id = ?');
  const dropAction = db.prepare('DELETE FROM review_actions WHERE action_id = ?');
  for (const { id } of gone) {
    dropRows.run(id);
    dropAction.run(id);
  }
}
