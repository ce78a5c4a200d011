import type { resultsMethods } from './contract.ts';
import { importResults, previewResults } from './import-results.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { DomainHandlers } from '../../rpc/define.ts';

export interface ResultsContext {
  library: LibraryAccess;
}

export const resultsHandlers: DomainHandlers<typeof resultsMethods, ResultsContext> = {
  'exchange.previewResults': (input, { library }) => previewResults(library.require().db, input),
  'exchange.importResults': (input, { library }) => importResults(library.require().db, input),
};
