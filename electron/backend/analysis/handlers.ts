import { activityOverlap } from './activity/activity-overlap.ts';
import { writeDetectionHistory } from './activity/detection-history.ts';
import { dielCurve } from './activity/diel-curve.ts';
import { eventTimes } from './activity/event-times.ts';
import { naiveOccupancy } from './activity/occupancy.ts';
import { vernacularNames } from './activity/vernacular-names.ts';
import type { analysisMethods } from './contract.ts';
import { addProblem, listProblems, removeProblem, updateProblem } from './effort/camera-problems.ts';
import { effortReport } from './effort/effort-report.ts';
import { mapActivity } from './map-activity.ts';
import { importGeojson, importMbtiles, importPmtiles, listLayers } from './map-files/map-layers.ts';
import type { MapReader } from './map-files/map-reader.ts';
import { mapMultiples } from './map-multiples.ts';
import { saveImage } from './save-image.ts';
import { stationDetail } from './station-detail.ts';
import { recomputeAllEvents } from '../library/independent-events.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import { saveMachineSpecies } from '../library/machine-species.ts';
import { getNumberSetting, independenceComparedTo, setSetting } from '../library/settings.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface AnalysisContext {
  library: LibraryAccess;
  maps: MapReader;
}

export const analysisHandlers: DomainHandlers<typeof analysisMethods, AnalysisContext> = {
  'map.activity': ({ taxon, from, to }, { library }) => mapActivity(library.require().db, taxon, from, to),
  'map.multiples': ({ taxa, withDetector, from, to }, { library }) => mapMultiples(library.require().db, taxa, withDetector, from, to),
  'map.station': ({ locationID, taxon, from, to }, { library }) => stationDetail(library.require().db, locationID, taxon, from, to),
  'map.layers': (_input, { library }) => listLayers(library.require().db),
  'map.importMbtiles': ({ file }, { library, maps }) => importMbtiles(library.require(), maps, file),
  'map.importGeojson': ({ file }, { library, maps }) => importGeojson(library.require(), maps, file),
  'map.importPmtiles': ({ file }, { library, maps }) => importPmtiles(library.require(), maps, file),
  'activity.diel': (q, { library }) => dielCurve(eventTimes(library.require().db, q)),
  'activity.overlap': ({ taxonA, taxonB, bootstraps, ...q }, { library }) => {
    const { db } = library.require();
    return activityOverlap(eventTimes(db, { ...q, taxon: taxonA }), eventTimes(db, { ...q, taxon: taxonB }), bootstraps);
  },
  'activity.occupancy': ({ from, to }, { library }) => naiveOccupancy(library.require().db, from, to),
  'activity.exportDetectionHistory': ({ taxon, occasionDays, from, to, folder }, { library }) => writeDetectionHistory(library.require().db, folder, taxon, occasionDays, from, to),
  'analysis.saveImage': ({ dataUrl, folder, name }) => saveImage(dataUrl, folder, name),
  'activity.names': ({ taxa, language }, { library }) => vernacularNames(library.require().db, taxa, language),
  'analysis.independence': (_input, { library }) => {
    const { db } = library.require();
    return { independenceMinutes: getNumberSetting(db, 'independenceMinutes'), comparedTo: independenceComparedTo(db) };
  },
  'analysis.setIndependence': ({ minutes, comparedTo }, { library }) => {
    const { db } = library.require();
    db.transaction(() => {
      setSetting(db, 'independenceMinutes', minutes);
      if (comparedTo) setSetting(db, 'independenceComparedToLastIndependent', comparedTo === 'lastIndependentRecord' ? 1 : 0);
      recomputeAllEvents(db);
    })();
    return { independenceMinutes: minutes, comparedTo: independenceComparedTo(db) };
  },
  'effort.problems': ({ deploymentID }, { library }) => listProblems(library.require().db, deploymentID),
  'effort.addProblem': ({ deploymentID, ...problem }, { library }) => addProblem(library.require().db, deploymentID, problem),
  'effort.updateProblem': ({ problemID, ...problem }, { library }) => updateProblem(library.require().db, problemID, problem),
  'effort.removeProblem': ({ problemID }, { library }) => removeProblem(library.require().db, problemID),
  'effort.report': ({ from, to }, { library }) => effortReport(library.require().db, from, to),
  'analysis.setMachineSpecies': (choice, { library }) => {
    const { db } = library.require();
    db.transaction(() => {
      saveMachineSpecies(db, choice);
      recomputeAllEvents(db);
    })();
    return choice;
  },
};
