import type { PmtilesFacts, PmtilesProblem } from './pmtiles-check.ts';

/** Messages between the backend and the map-file worker thread. */
export type MapRequest =
  | { id: number; op: 'tile'; file: string; z: number; x: number; y: number }
  | { id: number; op: 'metadata'; file: string }
  | { id: number; op: 'geojson'; file: string }
  | { id: number; op: 'pmtiles'; file: string };

export type MapReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface MbtilesFacts {
  metadata: Record<string, string>;
}

export interface GeojsonFacts {
  type: string;
  features: number;
}

/** A PMTiles archive either passes, or is refused for a reason the user is told in plain words. */
export type PmtilesAnswer = { passed: true; facts: PmtilesFacts } | { passed: false; problem: PmtilesProblem; detail: string };
