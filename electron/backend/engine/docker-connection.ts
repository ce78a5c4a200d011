import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';

export interface Connection {
  docker: Docker;
  socket: string;
}

/**
 * The engine's socket: DOCKER_HOST when set, else Docker's socket, else Podman's compatible
 * one (rootless first). Podman serves the same API, so dockerode speaks to both.
 */
export function socketCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const list: string[] = [];
  if (env.DOCKER_HOST?.startsWith('unix://')) list.push(env.DOCKER_HOST.slice('unix://'.length));
  if (process.platform === 'win32') list.push('//./pipe/docker_engine');
  list.push('/var/run/docker.sock', path.join(os.homedir(), '.docker', 'run', 'docker.sock'));
  const runtime = env.XDG_RUNTIME_DIR ?? (typeof process.getuid === 'function' ? `/run/user/${process.getuid()}` : null);
  if (runtime) list.push(path.join(runtime, 'podman', 'podman.sock'));
  list.push('/run/podman/podman.sock');
  return list;
}

export function connect(env: NodeJS.ProcessEnv = process.env): Connection | null {
  if (env.DOCKER_HOST && !env.DOCKER_HOST.startsWith('unix://')) {
    const url = new URL(env.DOCKER_HOST.replace(/^tcp:/, 'http:'));
    return { docker: new Docker({ host: url.hostname, port: Number(url.port) || 2375 }), socket: env.DOCKER_HOST };
  }
  for (const socket of socketCandidates(env)) {
    if (socket.startsWith('//./pipe/') || fs.existsSync(socket)) return { docker: new Docker({ socketPath: socket }), socket };
  }
  return null;
}
