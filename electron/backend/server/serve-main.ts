import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpServer } from './http-server.ts';
import { createBackend } from '../app/backend.ts';
import { defaultDataDir } from '../app/data-dir.ts';
import { watchVolumes } from '../ingest/volumes.ts';
import { createLogger } from '../log/logger.ts';

/** `npm run serve`: the backend as a plain Node process serving the app to a browser on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: process.env.CAMTRAP_PORT ?? '7420' }, library: { type: 'string' }, 'static-dir': { type: 'string' } },
  });
  const dataDir = defaultDataDir();
  const backend = createBackend({ dataDir, logger: createLogger(path.join(dataDir, 'logs')), resumeJobs: true });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = values['static-dir'] ?? path.resolve(here, '../../../dist/renderer');
  if (values.library) backend.open(values.library, false);
  const server = await startHttpServer(backend, { staticDir, port: Number(values.port), startCommand: process.env.CAMTRAP_START_COMMAND ?? 'npm run serve' });
  const stopWatching = watchVolumes((volume) => backend.emit('volumes.mounted', volume));
  backend.logger.info('browser mode started', { url: server.url });
  // A lost or used link needs no restart: Enter here (or SIGUSR2, for a service) prints a new one.
  const input = process.stdin.isTTY || process.env.CAMTRAP_LINK_ON_ENTER === '1' ? readline.createInterface({ input: process.stdin }) : null;
  const enterHint = input ? 'Press Enter here for a new link.\n' : '';
  process.stdout.write(`Camtrap Station is ready. Open this link in a browser on this machine (it works once):\n${server.openUrl}\n${enterHint}`);
  const printNewLink = (): void => {
    process.stdout.write(`New link (the previous one no longer works):\n${server.newLink()}\n`);
  };
  input?.on('line', printNewLink);
  process.on('SIGUSR2', printNewLink);
  const shutdown = () => {
    input?.close();
    stopWatching();
    backend.close();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`Camtrap Station could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
