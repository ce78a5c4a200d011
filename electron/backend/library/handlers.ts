import { recentLibraries } from '../app/recent-libraries.ts';
import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { libraryMethods } from './contract.ts';
import { addDeployment, listDeployments, setClockOffset } from './deployments.ts';
import { libraryInfo } from './library-info.ts';
import { addLocation, listLocations } from './locations.ts';
import { regroupSequences } from './media-times.ts';
import { mediaPage } from './media-queries.ts';
import { setSetting } from './settings.ts';

export const libraryHandlers: DomainHandlers<typeof libraryMethods> = {
  'library.create': ({ path }, station) => libraryInfo(station.open(path, true)),
  'library.open': ({ path }, station) => libraryInfo(station.open(path, false)),
  'library.current': (_input, station) => (station.library ? libraryInfo(station.library) : null),
  'library.close': (_input, station) => {
    station.close();
    return null;
  },
  'library.recent': (_input, station) => recentLibraries(station.dataDir),
  'library.setSequenceGap': ({ seconds }, station) => {
    const library = station.requireLibrary();
    const { db } = library;
    db.transaction(() => {
      setSetting(db, 'sequenceGapSeconds', seconds);
      for (const d of listDeployments(db)) regroupSequences(db, d.deploymentID);
    })();
    return libraryInfo(library);
  },
  'location.list': (_input, station) => listLocations(station.requireLibrary().db),
  'location.add': (input, station) => addLocation(station.requireLibrary().db, input),
  'deployment.list': (_input, station) => listDeployments(station.requireLibrary().db),
  'deployment.add': (input, station) => addDeployment(station.requireLibrary().db, input),
  'deployment.setClockOffset': ({ deploymentID, offsetSeconds }, station) => setClockOffset(station.requireLibrary().db, deploymentID, offsetSeconds),
  'media.page': (input, station) => mediaPage(station.requireLibrary().db, input),
};
