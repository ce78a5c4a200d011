import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpServer, type RunningServer } from '../../../electron/backend/server/http-server.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const seed = Number(process.env.FUZZ_SEED ?? 20261130);
const random = rng(seed);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));

const pathPieces = ['/', '%', '%%', '%E0%A4%A', '%00', '..', '/../..', '/media/file/', '/media/thumb/zzzz', '/media/tiles/abcd0123/99/-1/x', '/media/overlay/', '/app/log', '/rpc', '?token=', '&token=x', '#', '\u00e9', '\u{1F98C}', '//', '\\', '/index.html', ' '];

function weirdPath(): string {
  let p = '/';
  for (let i = int(6); i >= 0; i -= 1) p += pick(pathPieces);
  if (random() < 0.05) p += 'a'.repeat(int(20_000));
  return p;
}

/** A request line and headers as a broken or hostile client might send them. */
function rawRequest(host: string, cookie: string): Buffer {
  switch (int(6)) {
    case 0:
      return bytes(1 + int(300));
    case 1:
      return Buffer.from(`${pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GARBAGE', ''])} ${pick(['http://[', '*', '', 'ftp://x', weirdPath()])} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1');
    case 2:
      return Buffer.from(`GET ${weirdPath()} HTTP/1.1\r\nHost: ${pick([host, 'evil.example', '', `${host}:99`])}\r\nCookie: ${pick([cookie, 'x=y', `${cookie}; ${cookie}`, '=;=;'])}\r\nConnection: close\r\n\r\n`, 'latin1');
    case 3:
      return Buffer.from(`GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'x'.repeat(int(100_000))}\r\nConnection: close\r\n\r\n`, 'latin1');
    case 4:
      return Buffer.from(`POST /rpc HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${pick(['-1', '99999999999', 'abc', '5'])}\r\nConnection: close\r\n\r\n${bytes(int(50)).toString('latin1')}`, 'latin1');
    default:
      return Buffer.from(`GET /rpc HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${pick(['', 'x', 'dGhlIHNhbXBsZSBub25jZQ=='])}\r\nSec-WebSocket-Version: ${pick(['13', '8', 'x'])}\r\nCookie: ${cookie}\r\nOrigin: ${pick(['http://evil.example', `http://${host}`, ''])}\r\n\r\n`, 'latin1');
  }
}

function sendRaw(port: number, data: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    socket.on('data', () => undefined);
    const done = (): void => {
      socket.destroy();
      resolve();
    };
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(done, 300);
  });
}

/** A frame a broken or hostile page might send. */
function frame(): { data: Buffer | string; binary: boolean } {
  switch (int(8)) {
    case 0:
      return { data: bytes(1 + int(200)), binary: false };
    case 1:
      return { data: bytes(1 + int(200)), binary: true };
    case 2:
      return { data: `{"id": ${int(100)}, "method": "library.re`, binary: false };
    case 3:
      return { data: JSON.stringify(pick([null, 1, 'x', [], { id: 'x' }, { id: 1, method: 5 }, { id: 1.5, method: 'library.recent' }, { method: 'library.recent' }])), binary: false };
    case 4:
      return { data: JSON.stringify({ id: int(1000), method: pick(['no.such', '__proto__', 'constructor', 'toString', 'library.open', 'ingest.start', 'detect.cancel', 'media.page']), input: pick([null, 1, 'x', [], { path: 123 }, { runId: -1 }, { source: {} }, { limit: 1e9 }, { deploymentID: 'x'.repeat(10_000) }]) }), binary: false };
    case 5:
      return { data: JSON.stringify({ id: int(1000), method: pick(['library.recent', 'tasks.list', 'species.list', 'media.page']), input: {} }), binary: false };
    case 6:
      return { data: `${'['.repeat(5000)}${']'.repeat(5000)}`, binary: false };
    default:
      return { data: 'x'.repeat(int(10) === 0 ? 5 * 1024 * 1024 : 100), binary: false };
  }
}

function openSocket(server: RunningServer, cookie: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/rpc`, { headers: { cookie, origin: server.url } });
    ws.once('open', () => resolve(ws));
    ws.once('error', () => resolve(null));
    ws.on('message', () => undefined);
  });
}

describe('browser mode under fuzzing', () => {
  it(`survives 10,000+ malformed requests, URLs and frames (seed ${seed}), then answers a normal request, with no error in the log`, async () => {
    const t = testBackend();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Camtrap Station</title>');
    const server = await startHttpServer(t.backend, { staticDir });
    const cookie = ((await fetch(server.openUrl, { redirect: 'manual' })).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { host, port } = new URL(server.url);
    const deadline = Date.now() + 90_000;
    let sent = 0;

    for (let batch = 0; batch < 100 && Date.now() < deadline; batch += 1) {
      await Promise.all(Array.from({ length: 40 }, () => sendRaw(Number(port), rawRequest(host, cookie))));
      sent += 40;
    }
    for (let batch = 0; batch < 100 && Date.now() < deadline; batch += 1) {
      await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.url}${weirdPath()}`, { headers: { cookie }, method: pick(['GET', 'POST', 'DELETE']) }).then((r) => r.arrayBuffer(), () => undefined)));
      sent += 30;
    }
    let ws = await openSocket(server, cookie);
    for (let i = 0; i < 4000 && Date.now() < deadline; i += 1) {
      if (!ws || ws.readyState !== WebSocket.OPEN) ws = await openSocket(server, cookie);
      if (!ws) continue;
      const f = frame();
      ws.send(f.data, { binary: f.binary });
      sent += 1;
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    ws?.terminate();

    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect((await fetch(`${server.url}/`, { headers: { cookie } })).status).toBe(200);
    const rpc = await openSocket(server, cookie);
    const answer = await new Promise<unknown>((resolve) => {
      rpc?.on('message', (d) => resolve(JSON.parse(String(d))));
      rpc?.send(JSON.stringify({ id: 1, method: 'library.recent', input: {} }));
    });
    expect(answer).toMatchObject({ id: 1, result: { ok: true } });
    rpc?.close();
    const log = fs.existsSync(t.backend.logger.todayFile()) ? fs.readFileSync(t.backend.logger.todayFile(), 'utf8') : '';
    expect(log.split('\n').filter((l) => l.includes('"level":"error"'))).toEqual([]);
    await server.close();
  }, 120_000);
});
