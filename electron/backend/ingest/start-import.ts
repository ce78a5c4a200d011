import type { Station } from '../app/station.ts';
import { ImportRun } from './import-run.ts';
import { scanSource } from './scan-source.ts';

/** Starts an import in the background of the backend and reports through events; returns its id at once. */
export async function startImport(station: Station, source: string, deploymentID: string): Promise<number> {
  const library = station.requireLibrary();
  const scan = await scanSource(source);
  const run = new ImportRun(library, scan, deploymentID, { onProgress: (p) => station.emit('ingest.progress', p) });
  station.imports.set(run.importId, run);
  station.logger.info('import started', { importId: run.importId, source: scan.root, files: scan.files.length, deploymentID });
  void run
    .run()
    .finally(() => station.imports.delete(run.importId))
    .then((summary) => {
      station.logger.info('import finished', { importId: run.importId, state: summary.state, imported: summary.imported, duplicates: summary.duplicates, failed: summary.failed.length });
      station.emit('ingest.finished', summary);
    })
    .catch((err: unknown) => {
      const ref = station.logger.error('import crashed', err, { importId: run.importId });
      // Whoever waits for the import must hear that it ended, even now.
      station.emit('ingest.finished', {
        importId: run.importId,
        deploymentID,
        source: scan.root,
        state: 'failed',
        message: `The import stopped unexpectedly (${ref}). Files copied so far are complete; import the card again to finish.`,
        imported: 0,
        duplicates: 0,
        failed: [],
        notImported: [],
        warnings: [],
      });
    });
  return run.importId;
}
