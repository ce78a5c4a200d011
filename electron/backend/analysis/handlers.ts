import type { analysisMethods } from './contract.ts';
import { mapActivity } from './map-activity.ts';
import { importGeojson, importMbtiles, listLayers } from './map-files/map-layers.ts';
import type { MapReader } from './map-files/map-reader.ts';
import { stationDetail } from './station-detail.ts';
import { recomputeAllEvents } from '../library/independent-events.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import { setSetting } from '../library/settings.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface AnalysisContext {
  library: LibraryAccess;
  maps: MapReader;
}

export const analysisHandlers: DomainHandlers<typeof analysisMethods, AnalysisContext> = {
  'map.activity': ({ taxon, from, to }, { library }) => mapActivity(library.require().db, taxon, from, to),
  'map.station': ({ locationID, taxon, from, to }, { library }) => stationDetail(library.require().db, locationID, taxon, from, to),
  'map.layers': (_input, { library }) => listLayers(library.require().db),
  'map.importMbtiles': ({ file }, { library, maps }) => importMbtiles(library.require(), maps, file),
  'map.importGeojson': ({ file }, { library, maps }) => importGeojson(library.require(), maps, file),
  'analysis.setIndependence': ({ minutes }, { library }) => {
    const { db } = library.require();
    db.transaction(() => {
      setSetting(db, 'independenceMinutes', minutes);
      recomputeAllEvents(db);
    })();
    return { independenceMinutes: minutes };
  },
};
