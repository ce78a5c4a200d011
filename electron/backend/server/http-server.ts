import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { connectChannel } from './channel.ts';
import { sendFile, serveMedia } from './media-routes.ts';
import { SessionAuth } from './session-auth.ts';
import { serveStatic } from './static-files.ts';
import type { Backend } from '../app/backend.ts';

export interface RunningServer {
  url: string;
  /** The link to open once: it carries the one-time token. */
  openUrl: string;
  close(): Promise<void>;
}

/** The day's log as a download, for a user to send to whoever helps them. */
function serveTodayLog(backend: Backend, res: http.ServerResponse): void {
  const file = backend.logger.todayFile();
  if (!fs.existsSync(file)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end();
    return;
  }
  sendFile(file, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.split(/[\\/]/).pop()}"` }, res);
}

const loginHelp = `<!doctype html><meta charset="utf-8"><title>Camtrap Station</title>
<p>Open Camtrap Station with the link printed by <code>npm run serve</code> when it started. Each link works once.</p>`;

/**
 * Browser mode: the app's pages, its media and its RPC on 127.0.0.1 only. Every request needs the
 * session that the one-time link opens; the WebSocket also checks that it is opened by our own page.
 */
export async function startHttpServer(backend: Backend, options: { staticDir: string; port?: number; internalSecret?: string }): Promise<RunningServer> {
  const auth = new SessionAuth(options.internalSecret ?? null);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cookie = auth.redeem(url.searchParams.get('token'));
    if (cookie) {
      res.writeHead(303, { 'Set-Cookie': cookie, Location: '/' }).end();
      return;
    }
    if (!auth.isAuthenticated(req)) {
      res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginHelp);
      return;
    }
    serveMedia(backend.library, url.pathname, res)
      .then((served) => {
        if (served) return;
        if (url.pathname === '/app/log') return serveTodayLog(backend, res);
        if (!serveStatic(options.staticDir, url.pathname, res)) res.writeHead(404).end('Not found');
      })
      .catch((err: unknown) => {
        const ref = backend.logger.error('http request failed', err, { path: url.pathname });
        if (!res.headersSent) res.writeHead(500).end(`Error ${ref}`);
      });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const origin = req.headers.origin;
    const address = server.address() as AddressInfo;
    if (req.url !== '/rpc' || !auth.isAuthenticated(req) || origin !== `http://127.0.0.1:${address.port}`) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const disconnect = connectChannel(
        backend,
        (m) => ws.send(JSON.stringify(m)),
        (handler) =>
          ws.on('message', (data) => {
            try {
              handler(JSON.parse(String(data)));
            } catch {
              // Not JSON: not from our client; ignored.
            }
          }),
      );
      ws.on('close', disconnect);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${auth.oneTimeToken}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
