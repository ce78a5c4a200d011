import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { EngineState, EngineStatus, WorkerImageInfo } from './contract.ts';
import { connect } from './docker-connection.ts';

const advice: Record<EngineState, string> = {
  'not-installed': 'No container engine is installed. Detection runs on this computer’s processor. To use a graphics card (GPU), install Docker (or Podman) and the NVIDIA Container Toolkit.',
  'not-running': 'Docker is installed but not running. Start Docker Desktop, or run: sudo systemctl start docker. Meanwhile detection runs on the processor.',
  'no-permission': 'Docker runs, but this user may not use it. Run: sudo usermod -aG docker $USER, then log out and in again. Meanwhile detection runs on the processor.',
  'running-no-gpu': 'Docker runs without GPU support (no NVIDIA runtime), so the detection container runs on the processor. To use the graphics card, install the NVIDIA driver and the NVIDIA Container Toolkit, then restart Docker.',
  'running-gpu': 'Docker runs with GPU support: detection runs in the container on the graphics card.',
};

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, binary)));
}

function base(state: EngineState, image: WorkerImageInfo, socket: string | null = null): EngineStatus {
  return { state, advice: advice[state], socket, engine: null, version: null, runtimes: [], gpus: 0, image };
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
    advice: advice[gpu ? 'running-gpu' : 'running-no-gpu'],
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
export function explainGpuFailure(message: string): string {
  return `The container engine could not give the job a graphics card (${message.trim()}). This usually means the NVIDIA Container Toolkit is not installed or Docker was not restarted after installing it. The job runs on the processor instead.`;
}
