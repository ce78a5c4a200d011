import type { ingestMethods } from './contract.ts';
import { importSummary, listImports } from './import-summary.ts';
import type { Imports } from './imports.ts';
import { previewImport } from './preview-import.ts';
import { scanSource } from './scan-source.ts';
import { importSorted } from './sorted-folders/import-sorted.ts';
import { previewSorted } from './sorted-folders/preview-sorted.ts';
import { listVolumes } from './volumes.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import { bundledChecklist } from '../review/checklist.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface IngestContext {
  library: LibraryAccess;
  imports: Pick<Imports, 'start' | 'cancel' | 'launch'>;
}

export const ingestHandlers: DomainHandlers<typeof ingestMethods, IngestContext> = {
  'ingest.preview': async ({ source }, { library }) => previewImport(library.require().db, await scanSource(source)),
  'ingest.start': async ({ source, deploymentID }, { imports }) => ({ importId: await imports.start(source, deploymentID) }),
  'ingest.cancel': ({ importId }, { imports }) => {
    imports.cancel(importId);
    return null;
  },
  'ingest.summary': ({ importId }, { library }) => importSummary(library.require().db, importId),
  'ingest.list': (_input, { library }) => listImports(library.require().db),
  'volumes.list': () => listVolumes(),
  'ingest.previewSorted': async ({ source, layout }, { library }) => (await previewSorted(library.require().db, bundledChecklist(), await scanSource(source), layout)).preview,
  'ingest.importSorted': async ({ source, ...request }, { library, imports }) => importSorted(library.require().db, bundledChecklist(), imports, await scanSource(source), request),
};
