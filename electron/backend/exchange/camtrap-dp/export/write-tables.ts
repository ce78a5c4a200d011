import { wallClockToCamtrap, instantToCamtrap } from './camtrap-time.ts';
import { EventIndex, eventObservations } from './event-observations.ts';
import type { ExportScope } from './export-scope.ts';
import { ImportedRows } from './imported-rows.ts';
import { libraryReads } from './library-reads.ts';
import { placeMedium } from './media-files.ts';
import { mediaObservations, showsPeople, type MediumFindings } from './media-observations.ts';
import type { Library } from '../../../library/open-library.ts';
import type { ProjectMetadata } from '../../project/contract.ts';
import { withProblems } from '../camera-problem-tags.ts';
import type { ExportCounts, ExportOptions } from '../contract.ts';
import type { CsvWriter } from '../csv/write-csv.ts';

export interface TableWriters {
  deployments: CsvWriter;
  media: CsvWriter;
  observations: CsvWriter;
}

export interface WriteContext {
  library: Library;
  packageDir: string;
  scope: ExportScope;
  project: ProjectMetadata;
  options: Pick<ExportOptions, 'media' | 'mediaBase'>;
  signal: AbortSignal;
  onMedia: (done: number) => void;
}

export class ExportCancelled extends Error {}

const pageSize = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes deployments.csv, media.csv and observations.csv of the scope (media-level rows
 * after each picture, then the event-level rows), placing each medium as asked. Returns the
 * counts and the scientific names used, for datapackage.json.
 */
export async function writeTables(ctx: WriteContext, out: TableWriters): Promise<{ counts: ExportCounts; names: Set<string> }> {
  const { library, scope, project } = ctx;
  const reads = libraryReads(library.db);
  const names = new Set<string>();
  const counts: ExportCounts = { deployments: 0, media: 0, observations: 0, mediaObservations: 0, eventObservations: 0, files: 0 };
  const levels = new Set(project.observationLevel);
  const imported = ImportedRows.of(library.db);
  // A capture method per picture is known only when the project used one.
  const captureMethod = project.captureMethod.length === 1 ? project.captureMethod[0] : null;
  const writeObservation = (row: Record<string, unknown>, level: 'media' | 'event') => {
    out.observations.write(row as Parameters<CsvWriter['write']>[0]);
    if (typeof row.scientificName === 'string') names.add(row.scientificName);
    counts.observations += 1;
    if (level === 'media') counts.mediaObservations += 1;
    else counts.eventObservations += 1;
  };
  for (const d of scope.deployments) {
    const own = {
      deploymentID: d.deploymentID,
      locationID: d.locationID,
      locationName: d.locationName,
      latitude: d.latitude,
      longitude: d.longitude,
      deploymentStart: instantToCamtrap(d.deploymentStart, d.offsetMinutes),
      deploymentEnd: instantToCamtrap(d.deploymentEnd, d.offsetMinutes),
      cameraID: d.cameraID,
      cameraModel: d.cameraModel,
      cameraHeight: d.cameraHeight,
      // The times of its media were corrected by a clock offset: a reader should know they are not the camera's own.
      timestampIssues: d.clockOffsetSeconds !== 0,
      baitUse: d.baitUse === null ? null : d.baitUse === 1,
      ...withProblems(library.db, d.deploymentID, imported?.deploymentField(d.deploymentID, 'deploymentTags'), d.deploymentComments),
    };
    out.deployments.write(imported ? imported.deployment(d.deploymentID, own) : own);
    counts.deployments += 1;
  }
  for (const d of scope.deployments) {
    const events = new EventIndex(library.db, d.deploymentID);
    let after = { ms: scope.fromMs, path: '' };
    for (;;) {
      const page = reads.mediaAfter(d.deploymentID, after, scope.toMs, pageSize);
      if (page.length === 0) break;
      for (const m of page) {
        if (ctx.signal.aborted) throw new ExportCancelled();
        const result = reads.latestResult(m.mediaPk);
        const findings: MediumFindings = {
          labels: reads.labels(m.mediaPk),
          result,
          boxes: result?.status === 'ok' ? reads.boxes(m.mediaPk, result.runId, result.threshold) : [],
          predictions: reads.predictions(m.mediaPk),
        };
        const placed = await placeMedium(library, ctx.packageDir, m, ctx.options);
        const timestamp = wallClockToCamtrap(m.timestampMs, d.offsetMinutes);
        const mediaID = imported ? imported.mediaID(m.mediaPk, m.mediaID) : m.mediaID;
        out.media.write({
          mediaID,
          deploymentID: d.deploymentID,
          captureMethod,
          timestamp,
          filePath: placed.filePath,
          filePublic: !showsPeople(findings),
          fileName: m.fileName,
          fileMediatype: placed.fileMediatype,
        });
        counts.media += 1;
        if (placed.copied) counts.files += 1;
        if (levels.has('media')) {
          const common = { deploymentID: d.deploymentID, mediaID, eventStart: timestamp, eventEnd: timestamp, observationLevel: 'media' };
          for (const o of mediaObservations(mediaID, common, findings)) {
            const row = { ...o.row, eventID: o.taxon ? events.find(o.taxon, m.timestampMs) : null };
            writeObservation(imported ? imported.withSource(row, o.source) : row, 'media');
          }
        }
        ctx.onMedia(counts.media);
      }
      const last = page[page.length - 1] as (typeof page)[number];
      after = { ms: last.timestampMs, path: last.filePath };
      await nextTurn();
    }
    for (const row of imported?.remoteMedia(d.deploymentID, scope.fromMs, scope.toMs) ?? []) {
      out.media.write(row);
      counts.media += 1;
    }
  }
  for (const d of scope.deployments) {
    for (const row of imported?.keptObservations(d.deploymentID, scope.from, scope.to) ?? []) {
      if (levels.has(row.observationLevel === 'event' ? 'event' : 'media')) writeObservation(row, row.observationLevel === 'event' ? 'event' : 'media');
    }
    if (levels.has('event')) {
      for (const row of eventObservations(library.db, d, scope.fromMs, scope.toMs)) if (!imported?.hasEvent(d.deploymentID, row)) writeObservation(row, 'event');
    }
    if (ctx.signal.aborted) throw new ExportCancelled();
  }
  return { counts, names };
}
