import type { libraryMethods } from './contract.ts';
import { addDeployment, deleteDeployment, listDeployments, setClockOffset, updateDeployment } from './deployments.ts';
import { libraryInfo } from './library-info.ts';
import type { LibrarySession } from './library-session.ts';
import { addLocation, deleteLocation, listLocations, updateLocation } from './locations.ts';
import { mediaPage } from './media-queries.ts';
import { regroupSequences } from './media-times.ts';
import { setSetting } from './settings.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface LibraryContext {
  library: Pick<LibrarySession, 'open' | 'close' | 'current' | 'require'>;
}

export const libraryHandlers: DomainHandlers<typeof libraryMethods, LibraryContext> = {
  'library.create': ({ path }, { library }) => libraryInfo(library.open(path, true)),
  'library.open': ({ path }, { library }) => libraryInfo(library.open(path, false)),
  'library.current': (_input, { library }) => {
    const open = library.current();
    return open ? libraryInfo(open) : null;
  },
  'library.close': (_input, { library }) => {
    library.close();
    return null;
  },
  'library.setSequenceGap': ({ seconds }, context) => {
    const library = context.library.require();
    const { db } = library;
    db.transaction(() => {
      setSetting(db, 'sequenceGapSeconds', seconds);
      for (const d of listDeployments(db)) regroupSequences(db, d.deploymentID);
    })();
    return libraryInfo(library);
  },
  'location.list': (_input, { library }) => listLocations(library.require().db),
  'location.add': (input, { library }) => addLocation(library.require().db, input),
  'location.update': (input, { library }) => updateLocation(library.require().db, input),
  'location.delete': ({ locationID }, { library }) => {
    deleteLocation(library.require().db, locationID);
    return null;
  },
  'deployment.list': (_input, { library }) => listDeployments(library.require().db),
  'deployment.add': (input, { library }) => addDeployment(library.require().db, input),
  'deployment.update': (input, { library }) => updateDeployment(library.require().db, input),
  'deployment.delete': ({ deploymentID }, { library }) => {
    deleteDeployment(library.require().db, deploymentID);
    return null;
  },
  'deployment.setClockOffset': ({ deploymentID, offsetSeconds }, { library }) => setClockOffset(library.require().db, deploymentID, offsetSeconds),
  'media.page': (input, { library }) => mediaPage(library.require().db, input),
};
