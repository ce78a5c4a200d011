import { emptyCounts, type PackageImportCounts } from './contract.ts';
import type { CopiedMedium } from './copy-media.ts';
import type { LocatedMedium } from './locate-media.ts';
import type { PackageRows } from './package-rows.ts';
import { placeObservations, type CopiedMediumRef } from './place-observations.ts';
import type { LocationPlan } from './plan-locations.ts';
import type { PackageDescriptor } from './read-descriptor.ts';
import { inStationTime, wallClockMs } from './station-time.ts';
import { mediaRecorder } from '../../../ingest/record-media.ts';
import type { Db } from '../../../library/db.ts';
import { nowIso } from '../../../library/ids.ts';
import { recomputeEvents } from '../../../library/independent-events.ts';
import { msToLocalTime } from '../../../library/local-time.ts';
import { regroupSequences } from '../../../library/media-times.ts';
import { bundledChecklist, nameIn } from '../../../review/checklist.ts';
import type { Says } from '../../../rpc/messages.ts';
import { storeSays } from '../../../rpc/stored-says.ts';
import { problemsFromTags } from '../camera-problem-tags.ts';

export interface PackageToWrite {
  source: string;
  mediaFolder: string | null;
  descriptor: PackageDescriptor;
  rows: PackageRows;
  locations: LocationPlan;
  /** The UTC offset, in minutes, each deployment's times are kept in. */
  offsets: Map<string, number>;
  located: LocatedMedium[];
  copied: CopiedMedium[];
}

const bit = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

function addSpecies(db: Db, p: PackageToWrite): number {
  const names = new Set<string>(p.descriptor.vernacularNames.keys());
  for (const o of p.rows.observations) if (o.scientificName) names.add(o.scientificName);
  const insert = db.prepare('INSERT INTO species (scientific_name, vernacular_name, created_at) VALUES (?, ?, ?) ON CONFLICT(scientific_name) DO NOTHING');
  const checklist = bundledChecklist();
  let added = 0;
  const at = nowIso();
  for (const name of names) {
    const taxon = checklist.get(name);
    const vernacular = p.descriptor.vernacularNames.get(name) ?? (taxon ? nameIn(taxon, 'en') : null);
    added += insert.run(name, vernacular, at).changes;
  }
  return added;
}

/** Deployments, their locations and the package's other deployment columns. */
function addDeployments(db: Db, p: PackageToWrite, packageImportId: number): { locations: number; deployments: number } {
  const insertLocation = db.prepare('INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?)');
  const at = nowIso();
  let locations = 0;
  for (const l of p.locations.locations) {
    if (l.existing) continue;
    insertLocation.run(l.locationID, l.name, l.latitude, l.longitude, at);
    locations += 1;
  }
  const insert = db.prepare(
    `INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, camera_id, camera_model, camera_height, bait_use, deployment_comments, clock_offset_s, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const insertRest = db.prepare('INSERT INTO package_deployments (deployment_id, package_import_id, fields_json) VALUES (?, ?, ?)');
  for (const d of p.rows.deployments) {
    const offset = p.offsets.get(d.deploymentID) ?? 0;
    // A deployment's camera keeps one clock: both ends in its offset (that of the start, or of the station's zone for UTC), the same moments.
    const start = inStationTime(d.deploymentStart, offset);
    const end = inStationTime(d.deploymentEnd, offset);
    insert.run(d.deploymentID, p.locations.of.get(d.deploymentID), start, end, d.cameraID, d.cameraModel, d.cameraHeight, bit(d.baitUse), d.deploymentComments, at);
    insertRest.run(d.deploymentID, packageImportId, JSON.stringify(d.rest));
    problemsFromTags(db, d.deploymentID, d.rest.deploymentTags);
  }
  return { locations, deployments: p.rows.deployments.length };
}

/** The copied files as the library's media (one import per deployment, as a card's), and every media row as the package gave it. */
function addMedia(db: Db, p: PackageToWrite, packageImportId: number): Map<string, CopiedMediumRef> {
  const recorder = mediaRecorder(db);
  const imports = new Map<string, number>();
  const importFor = (deploymentID: string): number => {
    let id = imports.get(deploymentID);
    if (id === undefined) {
      const at = nowIso();
      id = Number(
        db.prepare("INSERT INTO imports (deployment_id, source_root, state, owner_pid, started_at, finished_at) VALUES (?, ?, 'done', NULL, ?, ?)").run(deploymentID, p.source, at, at).lastInsertRowid,
      );
      imports.set(deploymentID, id);
    }
    return id;
  };
  const byMediaID = new Map<string, CopiedMediumRef>();
  for (const c of p.copied) {
    const { row, local } = c.located;
    const wall = wallClockMs(row.timestamp, p.offsets.get(row.deploymentID) ?? 0);
    const warnings: Says[] = c.truncated ? [{ key: 'import-warning-cut-off' }] : [];
    const mediaPk = recorder.addMedia({
      importId: importFor(row.deploymentID),
      deploymentID: row.deploymentID,
      clockOffsetSeconds: 0,
      file: { relPath: row.filePath, absPath: local.file, size: local.size, mtimeMs: local.mtimeMs, kind: local.kind },
      relativePath: c.relative,
      sha256: c.sha256,
      size: c.size,
      // The package's time is the one its tool settled on (clock corrections included): it wins over the camera's.
      meta: { ...c.meta, takenAt: msToLocalTime(wall), timeFromFile: false },
      warning: warnings.length > 0 ? storeSays(warnings) : null,
    });
    byMediaID.set(row.mediaID, { mediaPk, truncated: c.truncated });
  }
  const insert = db.prepare(
    `INSERT INTO package_media (package_import_id, media_id, deployment_id, media_pk, availability, timestamp, timestamp_ms, file_path, file_public, file_name,
       file_mediatype, capture_method, exif_data, favorite, media_comments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { row, availability } of p.located) {
    const wall = wallClockMs(row.timestamp, p.offsets.get(row.deploymentID) ?? 0);
    const mediaPk = byMediaID.get(row.mediaID)?.mediaPk ?? null;
    insert.run(packageImportId, row.mediaID, row.deploymentID, mediaPk, mediaPk === null ? availability : 'copied', row.timestamp.text, wall, row.filePath, bit(row.filePublic), row.fileName, row.fileMediatype, row.captureMethod, row.exifData, bit(row.favorite), row.mediaComments);
  }
  return byMediaID;
}

/**
 * The whole package in one transaction: either every row is in the library, or none is. The
 * library's own derived data (sequences, independent events) is recomputed for the new deployments.
 */
export function writePackage(db: Db, p: PackageToWrite, report: (counts: PackageImportCounts, packageImportId: number) => string): { packageImportId: number; counts: PackageImportCounts } {
  return db.transaction(() => {
    const { descriptor } = p;
    const packageImportId = Number(
      db
        .prepare("INSERT INTO package_imports (source, media_folder, package_name, package_title, profile_version, report_json, imported_at) VALUES (?, ?, ?, ?, ?, '{}', ?)")
        .run(p.source, p.mediaFolder, descriptor.name, descriptor.title, descriptor.profileVersion, nowIso()).lastInsertRowid,
    );
    const counts = emptyCounts();
    Object.assign(counts, addDeployments(db, p, packageImportId));
    counts.species = addSpecies(db, p);
    const copied = addMedia(db, p, packageImportId);
    counts.media = copied.size;
    counts.remoteMedia = p.located.length - copied.size;
    Object.assign(counts, placeObservations(db, packageImportId, descriptor.title ?? descriptor.name ?? p.source, p.rows.observations, copied));
    for (const d of p.rows.deployments) {
      regroupSequences(db, d.deploymentID);
      recomputeEvents(db, d.deploymentID);
    }
    db.prepare('UPDATE package_imports SET report_json = ? WHERE package_import_id = ?').run(report(counts, packageImportId), packageImportId);
    return { packageImportId, counts };
  })();
}
