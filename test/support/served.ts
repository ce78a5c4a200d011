import fs from 'node:fs';
import path from 'node:path';
import { testBackend } from './backend.ts';
import { tempDir } from './temp-dir.ts';
import { startHttpServer, type ServerOptions } from '../../electron/backend/server/http-server.ts';

/** A backend in this process served in browser mode, with a stand-in page. */
export async function served(options: Omit<ServerOptions, 'staticDir'> = {}) {
  const t = testBackend();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Camtrap Station</title>');
  const server = await startHttpServer(t.backend, { staticDir, ...options });
  return { t, server, staticDir };
}
