import type { ObservationRow } from './media-observations.ts';
import type { Db } from '../../../library/db.ts';
import { keptRows, type CamtrapRow, type KeptRows } from '../import/kept-rows.ts';

/**
 * What packages imported from other tools brought (import/kept-rows.ts), joined into an export:
 * their deployment columns, media kept as references, their observation rows held nowhere else,
 * the original rows behind labels and boxes, and their own media IDs. A library without
 * imported packages has none of this, and the export then only reads its own tables.
 */
export class ImportedRows {
  private readonly kept: KeptRows;
  private readonly mediaIDOf: (mediaPk: number) => string | undefined;
  /** Media IDs written so far: a kept row on a medium outside the export's scope is left out with it. */
  private readonly written = new Set<string>();
  private readonly events = new Map<string, { scientificName: string | null; observationType: string; start: number; end: number }[]>();

  private constructor(db: Db) {
    this.kept = keptRows(db);
    const original = db.prepare('SELECT media_id FROM package_media WHERE media_pk = ?').pluck();
    this.mediaIDOf = (mediaPk) => original.get(mediaPk) as string | undefined;
  }

  static of(db: Db): ImportedRows | null {
    const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'package_imports'").get() && db.prepare('SELECT 1 FROM package_imports LIMIT 1').get();
    return has ? new ImportedRows(db) : null;
  }

  /** A deployment row with the package's own columns (setupBy, habitat, ...) where the library has none; a clock corrected here still sets timestampIssues. */
  deployment(deploymentID: string, own: CamtrapRow): CamtrapRow {
    const fields = this.kept.deploymentFields(deploymentID);
    const row: CamtrapRow = { ...fields };
    for (const [k, v] of Object.entries(own)) if (v !== null || !(k in row)) row[k] = v;
    if (fields.timestampIssues === 'true') row.timestampIssues = true;
    return row;
  }

  /** One of the package's own deployment columns, as it gave it. */
  deploymentField(deploymentID: string, name: string): string | undefined {
    const value = this.kept.deploymentFields(deploymentID)[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** The media ID a package gave a medium the library copied, so its observations keep pointing at it. */
  mediaID(mediaPk: number, own: string): string {
    const id = this.mediaIDOf(mediaPk) ?? own;
    this.written.add(id);
    return id;
  }

  remoteMedia(deploymentID: string, fromMs: number, toMs: number): CamtrapRow[] {
    return this.kept.remoteMedia(deploymentID, fromMs, toMs).map(({ row }) => {
      this.written.add(String(row.mediaID));
      return row;
    });
  }

  /** A media-level row as the package had it, where a label or box came from one (lifeStage, sex, its observationID ...). */
  withSource(row: ObservationRow, source: { observationId?: number; detectionId?: number }): ObservationRow {
    const from = source.observationId !== undefined ? this.kept.labelSource(source.observationId) : source.detectionId !== undefined ? this.kept.boxSource(source.detectionId) : undefined;
    return from ? { ...row, ...from, mediaID: row.mediaID, deploymentID: row.deploymentID } : row;
  }

  /** The package's rows held nowhere else (event-level rows, rows on remote media), within the export's scope. */
  keptObservations(deploymentID: string, from: string | null, to: string | null): CamtrapRow[] {
    const rows = this.kept.keptObservations(deploymentID).filter((o) => {
      if (o.mediaID !== null && o.mediaID !== undefined && o.mediaID !== '') return this.written.has(String(o.mediaID));
      const day = String(o.eventStart).slice(0, 10);
      return (!from || day >= from) && (!to || day <= to);
    });
    const events = rows
      .filter((o) => o.observationLevel === 'event')
      .map((o) => ({ scientificName: (o.scientificName as string | null) ?? null, observationType: String(o.observationType), start: Date.parse(String(o.eventStart)), end: Date.parse(String(o.eventEnd)) }));
    this.events.set(deploymentID, events);
    return rows;
  }

  /**
   * Whether the package already has this event (same taxon, overlapping times): the library's own
   * would count it twice. A detector's event without a species is any animal the package counted then.
   */
  hasEvent(deploymentID: string, row: ObservationRow): boolean {
    const name = (row.scientificName as string | null | undefined) ?? null;
    const start = Date.parse(String(row.eventStart));
    const end = Date.parse(String(row.eventEnd));
    return (this.events.get(deploymentID) ?? []).some((e) => (name === null || e.scientificName === name) && e.observationType === row.observationType && e.start <= end && start <= e.end);
  }
}
