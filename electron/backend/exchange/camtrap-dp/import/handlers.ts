import type { PackageImportReport, packageImportMethods } from './contract.ts';
import { importPackage } from './import-package.ts';
import type { LibraryAccess } from '../../../library/library-session.ts';
import type { Logger } from '../../../log/logger.ts';
import type { DomainHandlers } from '../../../rpc/define.ts';
import { StationError } from '../../../rpc/envelope.ts';
import type { Says } from '../../../rpc/messages.ts';
import { saidBy, type TaskRegistry } from '../../../tasks/task-registry.ts';

export interface PackageImportContext {
  library: LibraryAccess;
  tasks: Pick<TaskRegistry, 'start'>;
  logger: Pick<Logger, 'info' | 'error'>;
}

/** Libraries a package is being imported into: one package at a time each, so two never race for the same IDs. */
const busy = new Set<string>();
let lastRef = 0;

/** Problems found, those only counted at the end of a long list included. */
function problemCount(problems: Says[]): number {
  const last = problems.at(-1);
  return last?.key === 'package-more-problems' ? problems.length - 1 + Number(last.values?.count ?? 0) : problems.length;
}

function ending(report: PackageImportReport): Says[] {
  if (report.outcome === 'cancelled') return [{ key: 'package-import-cancelled' }];
  if (report.outcome === 'refused') return [{ key: 'package-import-refused', values: { count: problemCount(report.problems) } }];
  const { deployments, media, remoteMedia } = report.added;
  return [{ key: 'package-import-done', values: { deployments, media, remote: remoteMedia, observations: report.rows.observations } }];
}

export const packageImportHandlers: DomainHandlers<typeof packageImportMethods, PackageImportContext> = {
  'exchange.importCamtrapDp': async (input, { library: session, tasks, logger }) => {
    const library = session.require();
    const root = library.paths.root;
    if (busy.has(root)) throw new StationError('busy', 'package-import-busy');
    busy.add(root);
    lastRef += 1;
    const controller = new AbortController();
    const task = tasks.start({ kind: 'package-import', ref: lastRef, unit: 'files', cancel: () => controller.abort() });
    logger.info('package import started', { source: input.source, mediaFolder: input.mediaFolder ?? null });
    try {
      const report = await importPackage(library, { ...input, signal: controller.signal, onProgress: (p) => task.progress(p) });
      task.end(report.outcome === 'imported' ? 'done' : report.outcome === 'cancelled' ? 'cancelled' : 'failed', ending(report));
      logger.info('package import ended', { source: input.source, outcome: report.outcome, added: report.added, problems: report.problems.length });
      return report;
    } catch (err) {
      task.end('failed', saidBy(err));
      throw err;
    } finally {
      busy.delete(root);
    }
  },
};
