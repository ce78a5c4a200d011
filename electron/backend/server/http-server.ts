import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { connectChannel } from './channel.ts';
import { sendFile, serveMedia } from './media-routes.ts';
import { SessionAuth, type SessionOptions } from './session-auth.ts';
import { serveStatic } from './static-files.ts';
import type { Backend } from '../app/backend.ts';

export interface RunningServer {
  url: string;
  /** The link to open once: it carries the one-time token. */
  openUrl: string;
  /** A new one-time link; the previous one stops working. For a person who lost theirs, without a restart. */
  newLink(): string;
  close(): Promise<void>;
}

export interface ServerOptions extends Pick<SessionOptions, 'idleMs'> {
  staticDir: string;
  /** The command a person typed to start this server, named on the page that explains how to get a new link. */
  startCommand?: string;
  port?: number;
  internalSecret?: string;
}

/** Frames bigger than this close the connection; more calls than this waiting at once are answered busy. */
export const maxFrameBytes = 4 * 1024 * 1024;
export const maxCallsInFlight = 64;

/** The day's log as a download, for a user to send to whoever helps them. */
function serveTodayLog(backend: Backend, res: http.ServerResponse): void {
  const file = backend.logger.todayFile();
  if (!fs.existsSync(file)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end();
    return;
  }
  sendFile(file, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.split(/[\\/]/).pop()}"` }, res);
}

/** The page for a browser without a session: how to get in, for the command that started this server. */
function loginHelp(startCommand: string): string {
  const command = startCommand.replace(/[<>&"]/g, '');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Camtrap Station</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#1d2a22}code{background:#eef3ee;padding:0 .3em}</style>
<h1>Camtrap Station</h1>
<p>This link has been used, has expired, or belongs to an earlier start of Camtrap Station.</p>
<p>To get a new link, go to the window where you ran <code>${command}</code>, press Enter there, and open the link it prints. Each link works once.</p>`;
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Only our own address: a page on another name that resolves here (DNS rebinding) gets nothing. */
function hostAllowed(req: http.IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
}

/**
 * Browser mode: the app's pages, its media and its RPC on 127.0.0.1 only. Every request needs the
 * session that the one-time link opens; the WebSocket also checks that it is opened by our own
 * page. Whatever arrives, malformed or hostile, gets an answer or a closed connection: no request
 * or frame can stop the process.
 */
export async function startHttpServer(backend: Backend, options: ServerOptions): Promise<RunningServer> {
  const auth = new SessionAuth({ internalSecret: options.internalSecret ?? null, ...(options.idleMs ? { idleMs: options.idleMs } : {}) });
  let port = 0;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!hostAllowed(req, port)) return plain(res, 421, 'Wrong host');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      decodeURIComponent(url.pathname);
    } catch {
      return plain(res, 400, 'Bad request');
    }
    const cookie = auth.redeem(url.searchParams.get('token'));
    if (cookie) {
      res.writeHead(303, { 'Set-Cookie': cookie, Location: '/' }).end();
      return;
    }
    if (!auth.isAuthenticated(req)) {
      res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginHelp(options.startCommand ?? 'npm start'));
      return;
    }
    serveMedia(backend.library, backend.maps, url.pathname, res, req.headers.range)
      .then((served) => {
        if (served) return;
        if (url.pathname === '/app/log') return serveTodayLog(backend, res);
        if (!serveStatic(options.staticDir, url.pathname, res)) plain(res, 404, 'Not found');
      })
      .catch((err: unknown) => {
        const ref = backend.logger.error('http request failed', err, { path: url.pathname });
        plain(res, 500, `Error ${ref}`);
      });
  };
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      const ref = backend.logger.error('http request failed', err);
      plain(res, 500, `Error ${ref}`);
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  wss.on('error', (err) => backend.logger.error('websocket server error', err));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (req.url !== '/rpc' || !hostAllowed(req, port) || !auth.isAuthenticated(req) || req.headers.origin !== `http://127.0.0.1:${port}`) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(backend, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${auth.oneTimeToken}`,
    newLink: () => `${url}/?token=${auth.newToken()}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One page's socket: frames that are too big or not UTF-8 close it (ws reports them as errors); bad JSON is ignored. */
function attach(backend: Backend, ws: WebSocket): void {
  let inFlight = 0;
  ws.on('error', () => ws.terminate());
  const disconnect = connectChannel(
    backend,
    (m) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    },
    (handler) =>
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(data));
        } catch {
          return;
        }
        handler(parsed);
      }),
    {
      admit: () => {
        if (inFlight >= maxCallsInFlight) return false;
        inFlight += 1;
        return true;
      },
      done: () => {
        inFlight -= 1;
      },
    },
  );
  ws.on('close', disconnect);
}
