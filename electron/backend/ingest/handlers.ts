import { StationError } from '../rpc/envelope.ts';
import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { ingestMethods } from './contract.ts';
import { importSummary, listImports } from './import-summary.ts';
import { previewImport } from './preview-import.ts';
import { scanSource } from './scan-source.ts';
import { listVolumes } from './volumes.ts';
import { startImport } from './start-import.ts';

export const ingestHandlers: DomainHandlers<typeof ingestMethods> = {
  'ingest.preview': async ({ source }, station) => previewImport(station.requireLibrary().db, await scanSource(source)),
  'ingest.start': async ({ source, deploymentID }, station) => ({ importId: await startImport(station, source, deploymentID) }),
  'ingest.cancel': ({ importId }, station) => {
    const run = station.imports.get(importId);
    if (!run) throw new StationError('not-found', `Import ${importId} is not running.`);
    run.cancel();
    return null;
  },
  'ingest.summary': ({ importId }, station) => importSummary(station.requireLibrary().db, importId),
  'ingest.list': (_input, station) => listImports(station.requireLibrary().db),
  'volumes.list': () => listVolumes(),
};
