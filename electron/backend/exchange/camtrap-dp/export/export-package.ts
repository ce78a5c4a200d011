import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildDescriptor } from './build-descriptor.ts';
import { resolveScope } from './export-scope.ts';
import { taxonomicCoverage } from './taxonomic.ts';
import { ExportCancelled, writeTables } from './write-tables.ts';
import { zipFolder } from './zip-folder.ts';
import type { Library } from '../../../library/open-library.ts';
import type { Logger } from '../../../log/logger.ts';
import { StationError } from '../../../rpc/envelope.ts';
import { saidBy, type TaskRegistry } from '../../../tasks/task-registry.ts';
import { getProject } from '../../project/project-store.ts';
import type { CamtrapExportResult, ExportCounts, ExportOptions } from '../contract.ts';
import { CsvWriter } from '../csv/write-csv.ts';
import { camtrapTables, loadCamtrapSpec, type CamtrapSpec } from '../spec/load-spec.ts';
import { validatePackage } from '../validate/validate-package.ts';

export interface ExportDeps {
  startTask: TaskRegistry['start'];
  logger: Pick<Logger, 'info'>;
  spec?: CamtrapSpec;
  /** For tests: changes the written package before it is validated (a bad row, a broken file). */
  beforeValidate?: (packageDir: string) => void;
}

let exportNumber = 0;
const noCounts: ExportCounts = { deployments: 0, media: 0, observations: 0, mediaObservations: 0, eventObservations: 0, files: 0 };

/** A name in the chosen folder that nothing has yet: camtrap-dp-<title>-<day>, then -2, -3 ... */
function freeName(folder: string, stem: string, zip: boolean): string {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? stem : `${stem}-${n}`;
    if (!fs.existsSync(path.join(folder, zip ? `${name}.zip` : name))) return name;
  }
}

function stemFor(title: string, now: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `camtrap-dp-${slug || 'library'}-${now.toISOString().slice(0, 10)}`;
}

/**
 * Exports the library as a Camtrap DP 1.0.2 package: written into a hidden folder beside the
 * destination, validated against the profile, the table schemas, the foreign keys and GBIF's
 * needs, and only then given its name (or zipped). An invalid or cancelled export leaves
 * nothing behind; the problems come back as the list a person reads.
 */
export async function exportCamtrapDp(library: Library, options: ExportOptions, deps: ExportDeps): Promise<CamtrapExportResult> {
  if (!fs.existsSync(options.folder) || !fs.statSync(options.folder).isDirectory()) throw new StationError('not-found', 'folder-gone', { path: options.folder });
  const spec = deps.spec ?? loadCamtrapSpec();
  const project = getProject(library);
  const scope = resolveScope(library.db, options);
  const now = new Date();
  const name = freeName(options.folder, stemFor(project.acronym ?? project.title, now), options.zip);
  const work = path.join(options.folder, `.${name}.${crypto.randomBytes(4).toString('hex')}.part`);
  const total = (library.db.prepare(`SELECT COUNT(*) AS n FROM media WHERE deployment_id IN (SELECT value FROM json_each(?)) AND timestamp_ms >= ? AND timestamp_ms < ?`).get(
    JSON.stringify(scope.deployments.map((d) => d.deploymentID)),
    scope.fromMs,
    scope.toMs,
  ) as { n: number }).n;
  const abort = new AbortController();
  exportNumber += 1;
  const task = deps.startTask({ kind: 'export', ref: exportNumber, unit: 'files', total, cancel: () => abort.abort() });
  const cleanUp = () => fs.rmSync(work, { recursive: true, force: true });
  let counts = noCounts;
  try {
    fs.mkdirSync(work);
    const paths = { deployments: 'deployments.csv', media: 'media.csv', observations: 'observations.csv' };
    const writers = Object.fromEntries(camtrapTables.map((t) => [t, new CsvWriter(path.join(work, paths[t]), spec.tables[t].fields.map((f) => f.name))])) as Record<(typeof camtrapTables)[number], CsvWriter>;
    let names: Set<string>;
    try {
      ({ counts, names } = await writeTables({ library, packageDir: work, scope, project, options, signal: abort.signal, onMedia: (done) => task.progress({ done }) }, writers));
    } finally {
      for (const w of Object.values(writers)) w.close();
    }
    const descriptor = buildDescriptor({ project, scope, taxonomic: taxonomicCoverage(library.db, names), paths, created: now });
    fs.writeFileSync(path.join(work, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
    deps.beforeValidate?.(work);
    const started = performance.now();
    const problems = await validatePackage(work, spec, { signal: abort.signal });
    const validationSeconds = Math.round(performance.now() - started) / 1000;
    if (abort.signal.aborted) throw new ExportCancelled();
    if (problems.length > 0) {
      cleanUp();
      task.end('failed', [{ key: 'export-invalid', values: { count: problems.length } }]);
      deps.logger.info('camtrap-dp export invalid', { problems: problems.slice(0, 20) });
      return { state: 'invalid', folder: null, zip: null, counts, problems, validationSeconds };
    }
    let folder: string | null = null;
    let zip: string | null = null;
    if (options.zip) {
      zip = path.join(options.folder, `${name}.zip`);
      const part = `${work}.zip`;
      try {
        await zipFolder(work, part);
        fs.renameSync(part, zip);
      } finally {
        fs.rmSync(part, { force: true });
        cleanUp();
      }
    } else {
      folder = path.join(options.folder, name);
      fs.renameSync(work, folder);
    }
    task.end('done');
    deps.logger.info('camtrap-dp export written', { folder, zip, counts });
    return { state: 'written', folder, zip, counts, problems: [], validationSeconds };
  } catch (err) {
    cleanUp();
    if (err instanceof ExportCancelled || abort.signal.aborted) {
      task.end('cancelled', [{ key: 'export-cancelled' }]);
      return { state: 'cancelled', folder: null, zip: null, counts, problems: [], validationSeconds: 0 };
    }
    task.end('failed', saidBy(err));
    throw err;
  }
}
