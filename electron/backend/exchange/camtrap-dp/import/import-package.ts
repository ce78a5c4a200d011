import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkRows } from './check-rows.ts';
import { emptyCounts, type ImportPackageInput, type PackageImportReport } from './contract.ts';
import { MediaCopier } from './copy-media.ts';
import { locateMedia, type LocalFile, type LocatedMedium } from './locate-media.ts';
import { openPackageSource } from './open-source.ts';
import { planLocations } from './plan-locations.ts';
import { readDescriptor } from './read-descriptor.ts';
import { readTables } from './read-tables.ts';
import { PackageImportCancelled, PackageRefused, Problems, throwIfCancelled } from './refusal.ts';
import { offsetText, stationOffset } from './station-time.ts';
import { writePackage } from './write-package.ts';
import type { Library } from '../../../library/open-library.ts';
import type { Says } from '../../../rpc/messages.ts';
import type { TaskProgress } from '../../../tasks/task-registry.ts';
import { loadCamtrapSpec } from '../spec/load-spec.ts';
import { validatePackage } from '../validate/validate-package.ts';

export interface PackageImportOptions extends ImportPackageInput {
  signal: AbortSignal;
  onProgress: (p: TaskProgress) => void;
}

function blankReport(source: string): PackageImportReport {
  return {
    outcome: 'refused',
    source,
    packageName: null,
    packageTitle: null,
    profileVersion: null,
    packageImportId: null,
    rows: { deployments: 0, media: 0, observations: 0 },
    added: emptyCounts(),
    files: { copied: 0, bytes: 0, remote: 0, missing: 0 },
    missingFiles: [],
    problems: [],
    warnings: [],
    events: 'recomputed',
  };
}

/**
 * Imports a Camtrap DP 1.0 to 1.0.2 package from another tool: checked whole first (the
 * standard, then what the library needs), files copied and verified, then every row in one
 * transaction. A package with problems is refused with all of them, and nothing of it stays:
 * no row, and no file (what was copied before the refusal or a cancel is removed).
 */
export async function importPackage(library: Library, options: PackageImportOptions): Promise<PackageImportReport> {
  const { source, mediaFolder, allowMissing, signal, onProgress } = options;
  const report = blankReport(source);
  const staging = path.join(library.paths.partial, `package-${crypto.randomUUID()}`);
  const copier = new MediaCopier(library, signal, (done, total) => onProgress({ done, total }));
  try {
    const folder = await openPackageSource(source, staging, signal, ({ done, total }) => onProgress({ done, total }));
    const standard = await validatePackage(folder.root, loadCamtrapSpec(), { gbif: false, signal });
    throwIfCancelled(signal);
    if (standard.length > 0) throw new PackageRefused(standard);
    const descriptor = readDescriptor(folder.root);
    Object.assign(report, { packageName: descriptor.name, packageTitle: descriptor.title, profileVersion: descriptor.profileVersion });
    const rows = await readTables(descriptor, signal);
    report.rows = { deployments: rows.deployments.length, media: rows.media.length, observations: rows.observations.length };
    checkRows(library.db, rows);
    const locations = planLocations(library.db, rows.deployments);
    report.warnings.push(...locations.warnings);
    const offsets = new Map<string, number>();
    for (const d of rows.deployments) {
      const offset = stationOffset(d);
      offsets.set(d.deploymentID, offset.minutes);
      if (offset.fromZone) report.warnings.push({ key: 'package-import-warning-utc-times', values: { deployment: d.deploymentID, offset: offsetText(offset.minutes) } });
    }
    const problems = new Problems();
    const located = locateMedia(rows.media, folder.root, mediaFolder, allowMissing, problems);
    problems.throwIfAny();
    report.warnings.push(...located.warnings);
    const copyable = located.media.filter((m): m is LocatedMedium & { local: LocalFile } => m.local !== null);
    const copied = await copier.copyAll(copyable);
    report.warnings.push(...copied.filter((c) => c.truncated).map((c): Says => ({ key: 'package-import-warning-cut-off', values: { path: c.located.row.filePath } })));
    report.files = {
      copied: copied.length,
      bytes: copied.reduce((n, c) => n + c.size, 0),
      remote: located.media.filter((m) => m.availability === 'url').length,
      missing: located.media.filter((m) => m.availability === 'missing').length,
    };
    report.missingFiles = located.missing;
    throwIfCancelled(signal);
    report.outcome = 'imported';
    const written = writePackage(
      library.db,
      { source, mediaFolder: mediaFolder ?? null, descriptor, rows, locations, offsets, located: located.media, copied },
      (added, packageImportId) => JSON.stringify({ ...report, added, packageImportId }),
    );
    report.added = written.counts;
    report.packageImportId = written.packageImportId;
    return report;
  } catch (err) {
    report.outcome = 'refused';
    await copier.removePlaced();
    if (err instanceof PackageRefused) return { ...report, problems: err.problems };
    if (err instanceof PackageImportCancelled) return { ...report, outcome: 'cancelled' };
    throw err;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
