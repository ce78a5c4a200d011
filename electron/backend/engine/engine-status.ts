import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { EngineState, EngineStatus, WorkerImageInfo } from './contract.ts';
import { connect } from './docker-connection.ts';
import { englishFor, type MessageKey, type Says } from '../rpc/messages.ts';

/** What to do about each state: its message key, so that the renderer can show it in the user's language. */
const adviceKeys: Record<EngineState, MessageKey> = {
  'not-installed': 'engine-not-installed',
  'not-running': 'engine-not-running',
  'no-permission': 'engine-no-permission',
  'running-no-gpu': 'engine-running-no-gpu',
  'running-gpu': 'engine-running-gpu',
};

export function adviceKey(state: EngineState): MessageKey {
  return adviceKeys[state];
}

/** The advice in English (for the command line and the log) and as its key. */
function advice(state: EngineState): Pick<EngineStatus, 'advice' | 'says'> {
  return { advice: englishFor(adviceKey(state)), says: { key: adviceKey(state) } };
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, binary)));
}

function base(state: EngineState, image: WorkerImageInfo, socket: string | null = null): EngineStatus {
  return { state, ...advice(state), socket, engine: null, version: null, runtimes: [], gpus: 0, image };
}

/** What a person needs to know about the engine, asked without changing anything. */
export async function engineStatus(image: (docker: Docker | null) => Promise<WorkerImageInfo>, env: NodeJS.ProcessEnv = process.env): Promise<EngineStatus & { docker: Docker | null }> {
  const connection = connect(env);
  if (!connection) {
    const state = onPath('docker') || onPath('dockerd') || onPath('podman') ? 'not-running' : 'not-installed';
    return { ...base(state, await image(null)), docker: null };
  }
  const { docker, socket } = connection;
  let info: { Runtimes?: Record<string, unknown>; Name?: string };
  try {
    info = (await docker.info()) as typeof info;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ...base(code === 'EACCES' || code === 'EPERM' ? 'no-permission' : 'not-running', await image(null), socket), docker: null };
  }
  const version = (await docker.version()) as { Version?: string; Components?: { Name?: string }[] };
  const runtimes = Object.keys(info.Runtimes ?? {});
  // Tests on a machine without a GPU can make the app believe in one, to see how a failing request is handled.
  const gpu = runtimes.includes('nvidia') || env.CAMTRAP_ASSUME_GPU === '1';
  const engine = version.Components?.some((c) => /podman/i.test(c.Name ?? '')) ? 'Podman' : 'Docker';
  return {
    state: gpu ? 'running-gpu' : 'running-no-gpu',
    ...advice(gpu ? 'running-gpu' : 'running-no-gpu'),
    socket,
    engine,
    version: version.Version ?? null,
    runtimes,
    gpus: gpu ? 1 : 0,
    image: await image(docker),
    docker,
  };
}

export const gpuRequestFailure = /could not select device driver|nvidia-container-cli|no known GPU vendor|unknown or invalid runtime name: nvidia/i;

/** The engine's refusal of a GPU request, in words a user can act on. */
export function explainGpuFailure(message: string): Says {
  return { key: 'runner-gpu-refused', values: { detail: message.trim() } };
}
