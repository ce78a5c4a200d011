import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../../electron/backend/server/http-server.ts';
import { served } from '../../support/served.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

async function login(server: RunningServer, link = server.openUrl): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Sends raw bytes and returns whatever comes back before the server closes or 2 s pass. */
function raw(server: RunningServer, bytes: string | Buffer): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    const done = (): void => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(() => {
      socket.destroy();
      done();
    }, 2000);
  });
}

function socketWith(server: RunningServer, cookie: string, origin = server.url): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/rpc`, { headers: { cookie, origin } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function stillAnswers(server: RunningServer, cookie: string): Promise<number> {
  return (await fetch(`${server.url}/`, { headers: { cookie } })).status;
}

describe('one request cannot stop the server (case 4)', () => {
  it('answers a request target that is no URL, and bad percent-encoding, with 400', async () => {
    const { server } = await served();
    const cookie = await login(server);
    const host = new URL(server.url).host;
    expect(await raw(server, `GET http://[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(server, `GET //%% HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|401)/);
    expect((await fetch(`${server.url}/%E0%A4%A`, { headers: { cookie } })).status).toBe(400);
    expect(await raw(server, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await stillAnswers(server, cookie)).toBe(200);
    await server.close();
  });

  it('closes a socket that sends a frame over 4 MiB or text that is not UTF-8, and goes on', async () => {
    const { server } = await served();
    const cookie = await login(server);
    const big = await socketWith(server, cookie);
    const bigClosed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send(Buffer.alloc(5 * 1024 * 1024, 97).toString());
    expect(await bigClosed).toBe(1009);
    const bad = await socketWith(server, cookie);
    const badClosed = new Promise<number>((resolve) => bad.on('close', (code) => resolve(code)));
    bad.send(Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), { binary: false });
    expect(await badClosed).toBe(1007);
    expect(await stillAnswers(server, cookie)).toBe(200);
    await server.close();
  });

  it('answers calls past the limit in flight as busy instead of queueing without end', async () => {
    const { server } = await served();
    const cookie = await login(server);
    const ws = await socketWith(server, cookie);
    const answers: { id: number; result: { ok: boolean; error?: { code: string } } }[] = [];
    ws.on('message', (d) => answers.push(JSON.parse(String(d)) as (typeof answers)[number]));
    for (let id = 1; id <= 200; id += 1) ws.send(JSON.stringify({ id, method: 'library.recent', input: {} }));
    await expect.poll(() => answers.length).toBe(200);
    expect(answers.every((a) => a.result.ok || a.result.error?.code === 'busy')).toBe(true);
    ws.close();
    await server.close();
  });
});

describe('sessions belong to one server (case 5)', () => {
  it('gives each server its own cookie: another local server cannot replay a session, even with a forged Origin', async () => {
    const a = await served();
    const b = await served();
    const cookieA = await login(a.server);
    expect(await stillAnswers(a.server, cookieA)).toBe(200);
    expect(await stillAnswers(b.server, cookieA)).toBe(401);
    await expect(socketWith(b.server, cookieA)).rejects.toThrow(/HTTP 403/);
    await a.server.close();
    await b.server.close();
  });

  it('checks the Host header against the address it listens on', async () => {
    const { server } = await served();
    const cookie = await login(server);
    const { port } = new URL(server.url);
    expect(await raw(server, `GET / HTTP/1.1\r\nHost: evil.example:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 421/);
    expect(await raw(server, `GET / HTTP/1.1\r\nHost: localhost:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200/);
    await server.close();
  });

  it('closes an idle session, and gives a new link without a restart (the old one stops working)', async () => {
    const { server } = await served({ idleMs: 300 });
    const cookie = await login(server);
    expect(await stillAnswers(server, cookie)).toBe(200);
    await new Promise((r) => setTimeout(r, 450));
    const refused = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/go to the window where you ran <code>npm start<\/code>, press Enter there/);
    const old = server.openUrl;
    const fresh = server.newLink();
    expect(await login(server, old)).toBe('');
    const again = await login(server, fresh);
    expect(await stillAnswers(server, again)).toBe(200);
    await server.close();
  });
});
