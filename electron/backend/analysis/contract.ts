import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';
import { saying } from '../rpc/saying.ts';
import type { ActivityOverlap } from './activity/activity-overlap.ts';
import type { DielCurve } from './activity/diel-curve.ts';
import type { NaiveOccupancy } from './activity/occupancy.ts';
import type { CameraProblem } from './effort/camera-problems.ts';
import type { EffortReport } from './effort/effort-report.ts';
import { isPngDataUrl, maxImageBytes } from './save-image.ts';
import type { MachineSpecies } from '../library/machine-species.ts';
import type { IndependenceComparedTo } from '../library/settings.ts';

export type { CameraProblem } from './effort/camera-problems.ts';
export type { DeploymentEffortRow, EffortReport } from './effort/effort-report.ts';

export type { MachineSpecies } from '../library/machine-species.ts';
export type { IndependenceComparedTo } from '../library/settings.ts';

export interface StationActivity {
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  deployments: number;
  trapNights: number;
  events: number;
  /** Independent events per 100 trap nights. */
  rai: number;
}

export interface MapActivity {
  taxon: string;
  from: string | null;
  to: string | null;
  independenceMinutes: number;
  /** What a picture's time is compared with to start a new event (camtrapR's deltaTimeComparedTo). */
  comparedTo: IndependenceComparedTo;
  stations: StationActivity[];
  /** The taxa with events, for the chooser. */
  taxa: string[];
  /** The days of this taxon's first and last event, for the time slider. */
  firstDay: string | null;
  lastDay: string | null;
  /** Whether species include the machine's predictions nobody has reviewed, and from what probability: the legend says so. */
  machineSpecies: MachineSpecies;
}

export interface MapMultiples {
  withDetector: boolean;
  /** The detector runs' thresholds (0–1) results were counted from, for the toggle's words. */
  thresholds: number[];
  panels: { taxon: string; stations: StationActivity[] }[];
  machineSpecies: MachineSpecies;
}

export interface StationDetail {
  locationID: string;
  locationName: string;
  trapNights: number;
  eventsByTaxon: { taxon: string; events: number }[];
  /** Independent events of the chosen taxon by hour of the day (clock time), 24 numbers. */
  diel: number[];
  /** Independent events of the chosen taxon by month, YYYY-MM. */
  overTime: { month: string; events: number }[];
  latestMediaIDs: string[];
}

export interface MapLayer {
  layerId: string;
  name: string;
  /** mvt: vector tiles, drawn in the app with a style of its own. */
  format: 'png' | 'jpg' | 'webp' | 'geojson' | 'mvt';
  minZoom: number;
  maxZoom: number;
  /** west, south, east, north */
  bounds: [number, number, number, number] | null;
  kind: 'tiles' | 'geojson' | 'pmtiles';
}

/** A station clock reading as the date and time pickers give it: a day, or a day and a time. */
const wallClock = z.string().refine((t) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(t.trim()), saying('date-time-unreadable', { field: 'problem' }));
const problem = { from: wallClock, to: wallClock, reason: z.string().max(500).nullish() };
const problemID = z.number().int().positive();

const day = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), saying('day-not-valid'));
const timeScale = z.enum(['clock', 'sun']).default('clock');
const taxon = z.string().refine((t) => /^(species:.{2,200}|class:(animal|person|vehicle))$/.test(t), saying('taxon-not-valid'));

export const analysisMethods = {
  'map.activity': method<MapActivity>()(z.object({ taxon, from: day.optional(), to: day.optional() })),
  /** Up to four taxa side by side; classes count only with the detector's results, species as the library counts them (analysis.setMachineSpecies). */
  'map.multiples': method<MapMultiples>()(z.object({ taxa: z.array(taxon).min(1).max(4), withDetector: z.boolean(), from: day.optional(), to: day.optional() })),
  'map.station': method<StationDetail>()(z.object({ locationID: z.string().min(1), taxon, from: day.optional(), to: day.optional() })),
  'map.layers': method<MapLayer[]>()(z.object({})),
  'map.importMbtiles': method<MapLayer>()(z.object({ file: chosenPath('choose-mbtiles') })),
  'map.importGeojson': method<MapLayer>()(z.object({ file: chosenPath('choose-geojson') })),
  'map.importPmtiles': method<MapLayer>()(z.object({ file: chosenPath('choose-pmtiles') })),
  /** Diel activity of a taxon as a kernel density curve (R package overlap), over clock or sun time. */
  'activity.diel': method<DielCurve>()(z.object({ taxon, locationID: z.string().min(1).optional(), from: day.optional(), to: day.optional(), timeScale })),
  /** Overlap of two taxa's diel activity: Δ1 or Δ4 by sample size, with a smoothed-bootstrap interval. */
  'activity.overlap': method<ActivityOverlap>()(
    z.object({ taxonA: taxon, taxonB: taxon, locationID: z.string().min(1).optional(), from: day.optional(), to: day.optional(), timeScale, bootstraps: z.number().int().min(99).max(9999).default(999) }),
  ),
  'activity.occupancy': method<NaiveOccupancy>()(z.object({ from: day.optional(), to: day.optional() })),
  /** Writes stations × occasions (1, 0, NA) as CSV into the chosen folder. */
  'activity.exportDetectionHistory': method<{ file: string; stations: number; occasions: number }>()(
    z.object({ taxon, occasionDays: z.number().int().min(1).max(365), from: day.optional(), to: day.optional(), folder: chosenPath('choose-folder') }),
  ),
  /** Saves a figure (map or chart, drawn by the renderer as PNG) into the chosen folder. */
  'analysis.saveImage': method<{ file: string; bytes: number }>()(
    z.object({
      dataUrl: z.string().max(Math.ceil((maxImageBytes * 4) / 3) + 64).refine(isPngDataUrl, saying('image-not-png')),
      folder: chosenPath('choose-folder'),
      name: z.string().refine((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/.test(n), saying('image-name-not-valid')),
    }),
  ),
  /** Common names of taxa in a language, for labels beside scientific names. */
  'activity.names': method<Record<string, string | null>>()(z.object({ taxa: z.array(z.string().max(220)).max(500), language: z.string().max(20).default('en') })),
  'analysis.independence': method<{ independenceMinutes: number; comparedTo: IndependenceComparedTo }>()(z.object({})),
  /** The independence interval, and what a record's time is compared with (camtrapR's deltaTimeComparedTo). */
  'analysis.setIndependence': method<{ independenceMinutes: number; comparedTo: IndependenceComparedTo }>()(
    z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60), comparedTo: z.enum(['lastRecord', 'lastIndependentRecord']).optional() }),
  ),
  /** Periods a deployment's camera did not work (full card, flat battery, knocked over): effort leaves them out. */
  'effort.problems': method<CameraProblem[]>()(z.object({ deploymentID: z.string().min(1) })),
  'effort.addProblem': method<CameraProblem[]>()(z.object({ deploymentID: z.string().min(1), ...problem })),
  'effort.updateProblem': method<CameraProblem[]>()(z.object({ problemID, ...problem })),
  'effort.removeProblem': method<CameraProblem[]>()(z.object({ problemID })),
  /** Every deployment's effort as camtrapR's surveyReport counts it, with the rule each used. */
  'effort.report': method<EffortReport>()(z.object({ from: day.optional(), to: day.optional() })),
  /** Whether the map and analyses count the machine's species on pictures and boxes no person has labelled, at or above a probability. */
  'analysis.setMachineSpecies': method<MachineSpecies>()(z.object({ include: z.boolean(), threshold: z.number().min(0.5).max(0.99) })),
} as const;
