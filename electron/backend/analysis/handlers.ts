import { setSetting } from '../library/settings.ts';
import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { analysisMethods } from './contract.ts';
import { recomputeAllEvents } from './independent-events.ts';
import { mapActivity } from './map-activity.ts';
import { importGeojson, importMbtiles, listLayers } from './mbtiles.ts';
import { stationDetail } from './station-detail.ts';

export const analysisHandlers: DomainHandlers<typeof analysisMethods> = {
  'map.activity': ({ taxon, from, to }, station) => mapActivity(station.requireLibrary().db, taxon, from, to),
  'map.station': ({ locationID, taxon, from, to }, station) => stationDetail(station.requireLibrary().db, locationID, taxon, from, to),
  'map.layers': (_input, station) => listLayers(station.requireLibrary().db),
  'map.importMbtiles': ({ file }, station) => importMbtiles(station.requireLibrary(), file),
  'map.importGeojson': ({ file }, station) => importGeojson(station.requireLibrary(), file),
  'analysis.setIndependence': ({ minutes }, station) => {
    const { db } = station.requireLibrary();
    db.transaction(() => {
      setSetting(db, 'independenceMinutes', minutes);
      recomputeAllEvents(db);
    })();
    return { independenceMinutes: minutes };
  },
};
