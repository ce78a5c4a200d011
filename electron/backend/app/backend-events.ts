import { detectEvents } from '../detect/contract.ts';
import { engineEvents } from '../engine/contract.ts';
import { ingestEvents } from '../ingest/contract.ts';
import type { PayloadMap } from '../rpc/define.ts';
import { taskEvents } from '../tasks/contract.ts';

/** Every event the backend pushes, with its payload type: the bus, the renderer and the CLI share it. */
export const backendEvents = { ...ingestEvents, ...detectEvents, ...engineEvents, ...taskEvents } as const;

export type BackendEvents = PayloadMap<typeof backendEvents>;
