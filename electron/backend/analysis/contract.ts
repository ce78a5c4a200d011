import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';
import { saying } from '../rpc/saying.ts';

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
  stations: StationActivity[];
  /** The taxa with events, for the chooser. */
  taxa: string[];
  /** The days of this taxon's first and last event, for the time slider. */
  firstDay: string | null;
  lastDay: string | null;
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
  format: 'png' | 'jpg' | 'webp' | 'geojson';
  minZoom: number;
  maxZoom: number;
  /** west, south, east, north */
  bounds: [number, number, number, number] | null;
  kind: 'tiles' | 'geojson';
}

const day = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), saying('day-not-valid'));
const taxon = z.string().refine((t) => /^(species:.{2,200}|class:(animal|person|vehicle))$/.test(t), saying('taxon-not-valid'));

export const analysisMethods = {
  'map.activity': method<MapActivity>()(z.object({ taxon, from: day.optional(), to: day.optional() })),
  'map.station': method<StationDetail>()(z.object({ locationID: z.string().min(1), taxon, from: day.optional(), to: day.optional() })),
  'map.layers': method<MapLayer[]>()(z.object({})),
  'map.importMbtiles': method<MapLayer>()(z.object({ file: chosenPath('choose-mbtiles') })),
  'map.importGeojson': method<MapLayer>()(z.object({ file: chosenPath('choose-geojson') })),
  'analysis.setIndependence': method<{ independenceMinutes: number }>()(z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60) })),
} as const;
