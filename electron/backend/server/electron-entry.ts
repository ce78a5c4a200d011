import crypto from 'node:crypto';
import path from 'node:path';
import { connectChannel } from './channel.ts';
import { startHttpServer } from './http-server.ts';
import { createBackend } from '../app/backend.ts';
import { watchVolumes } from '../ingest/volumes.ts';
import { createLogger } from '../log/logger.ts';

/** The parts of Electron's utilityProcess parentPort this entry uses; typed here so the backend never imports electron. */
interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown; ports: PortLike[] }) => void): void;
  on(event: 'close', listener: () => void): void;
  start?(): void;
}

/**
 * The backend under Electron: a utilityProcess. Main hands it one MessagePort per window;
 * media for the station-media:// protocol is served on 127.0.0.1 to main only (a secret header).
 */
async function main(): Promise<void> {
  const parentPort = (process as NodeJS.Process & { parentPort?: PortLike }).parentPort;
  if (!parentPort) throw new Error('electron-entry must run as an Electron utilityProcess');
  const dataDir = process.env.CAMTRAP_DATA_DIR ?? '.';
  const backend = createBackend({ dataDir, logger: createLogger(path.join(dataDir, 'logs')), resumeJobs: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  const server = await startHttpServer(backend, { staticDir: path.join(dataDir, 'no-static'), internalSecret: secret });
  watchVolumes((volume) => backend.emit('volumes.mounted', volume));
  parentPort.on('message', (e) => {
    const port = e.ports[0];
    if (!port) return;
    const disconnect = connectChannel(
      backend,
      (m) => port.postMessage(m),
      (handler) => port.on('message', (ev) => handler(ev.data)),
    );
    // A reloaded or closed window closes its port: its event listener goes with it.
    port.on('close', disconnect);
    port.start?.();
  });
  parentPort.postMessage({ type: 'media-server', port: Number(new URL(server.url).port), secret });
  backend.logger.info('backend started under Electron');
}

void main();
