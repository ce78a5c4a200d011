/** Messages between the backend and the map-file worker thread. */
export type MapRequest =
  | { id: number; op: 'tile'; file: string; z: number; x: number; y: number }
  | { id: number; op: 'metadata'; file: string }
  | { id: number; op: 'geojson'; file: string };

export type MapReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface MbtilesFacts {
  metadata: Record<string, string>;
}

export interface GeojsonFacts {
  type: string;
  features: number;
}
