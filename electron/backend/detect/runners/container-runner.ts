import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { ResultsTail } from './results-tail.ts';
import type { Runner, RunnerCallbacks, RunnerHandle, RunnerJob } from './runner.ts';
import { explainGpuFailure, gpuRequestFailure } from '../../engine/engine-status.ts';
import { mkdirNoFollow } from '../../safe-fs/no-follow.ts';
import { parseWorkerLine } from '../worker/protocol.ts';

export const jobLabel = 'org.camtrap-station.job';
export const libraryLabel = 'org.camtrap-station.library';

/** What a container may use at most. */
export interface ContainerLimits {
  memoryBytes: number;
  pids: number;
}

interface ContainerJob extends RunnerJob {
  docker: Docker;
  image: string;
  gpu: boolean;
  limits: ContainerLimits;
}

export function jobFolder(libraryRoot: string, runId: number): string {
  return path.join(libraryRoot, '.jobs', String(runId));
}

/** The container's user: never root. Under a root backend (a service, CI) a fixed unprivileged id owns the job folder. */
function containerUser(jobDir: string): string {
  const uid = process.getuid?.() ?? 1000;
  if (uid !== 0) return `${uid}:${process.getgid?.() ?? uid}`;
  fs.chownSync(jobDir, 1000, 1000);
  return '1000:1000';
}

function writeManifest(job: ContainerJob, jobDir: string): void {
  const manifest = {
    runId: job.runId,
    modelFile: `/model/${job.model.manifest.file}`,
    manifest: job.model.manifest,
    threads: 0,
    device: job.gpu ? 'auto' : 'cpu',
    resultsFile: '/job/results.jsonl',
    ...(job.classifier
      ? { classifier: { modelFile: `/classifier/${job.classifier.pkg.manifest.file}`, manifest: job.classifier.pkg.manifest, boxThreshold: job.classifier.boxThreshold } }
      : {}),
    videoFramesPerSecond: job.videoFramesPerSecond,
    items: job.items.map((i) => ({
      mediaPk: i.mediaPk,
      path: `/library/${path.relative(job.libraryRoot, i.path).split(path.sep).join('/')}`,
      ...(i.video ? { video: true } : {}),
      ...(i.boxes ? { boxes: i.boxes } : {}),
    })),
  };
  const tmp = path.join(jobDir, 'manifest.json.tmp');
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, path.join(jobDir, 'manifest.json'));
}

/** How a job's container is made: nothing reachable but its mounts, nothing it may use without a limit. */
export function containerSpec(job: Omit<ContainerJob, 'docker'>, jobDir: string, gpu: boolean, user: string): Docker.ContainerCreateOptions {
  return {
    Image: job.image,
    Cmd: ['/job/manifest.json'],
    User: user,
    Labels: { [jobLabel]: String(job.runId), [libraryLabel]: job.libraryRoot },
    HostConfig: {
      NetworkMode: 'none',
      // Mounts, not Binds strings: a library path holding ':' or ',' stays one path.
      Mounts: [
        { Type: 'bind', Source: job.libraryRoot, Target: '/library', ReadOnly: true },
        { Type: 'bind', Source: jobDir, Target: '/job', ReadOnly: false },
        { Type: 'bind', Source: job.model.dir, Target: '/model', ReadOnly: true },
        ...(job.classifier ? [{ Type: 'bind' as const, Source: job.classifier.pkg.dir, Target: '/classifier', ReadOnly: true }] : []),
      ],
      Memory: job.limits.memoryBytes,
      MemorySwap: job.limits.memoryBytes,
      PidsLimit: job.limits.pids,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,noexec,nosuid,size=256m' },
      ...(gpu ? { DeviceRequests: [{ Driver: '', Count: -1, Capabilities: [['gpu']] }] } : {}),
    },
  };
}

async function create(job: ContainerJob, jobDir: string, gpu: boolean): Promise<Docker.Container> {
  return job.docker.createContainer(containerSpec(job, jobDir, gpu, containerUser(jobDir)));
}

/** The engine multiplexes log streams: each chunk has an 8-byte header whose last 4 bytes give its length. */
function demux(raw: Buffer): string {
  const parts: Buffer[] = [];
  for (let at = 0; at + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(at + 4);
    parts.push(raw.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

async function lastLogs(container: Docker.Container): Promise<string> {
  const logs = (await container.logs({ stdout: false, stderr: true, tail: 20 }).catch(() => Buffer.alloc(0))) as Buffer;
  return demux(logs).trim().slice(-1500);
}

/**
 * Follows a container of this job, new or found running after a restart, until it ends. The
 * offset read so far is the handle's checkpoint: the container's state stays in this runner.
 */
function follow(container: Docker.Container, jobDir: string, offset: number, callbacks: RunnerCallbacks): RunnerHandle {
  let read = offset;
  const tail = new ResultsTail(path.join(jobDir, 'results.jsonl'), offset, (text, after) => {
    read = after;
    const line = parseWorkerLine(text);
    if (line) callbacks.onLine(line);
  });
  tail.follow();
  let stopping = false;
  void container
    .wait()
    .then(async (status: { StatusCode?: number }) => {
      tail.stop();
      const code = status.StatusCode ?? -1;
      const detail = code === 0 ? 'finished' : `exit code ${code}${stopping ? ' (stopped)' : ''}: ${await lastLogs(container)}`;
      await container.remove({ force: true }).catch(() => undefined);
      callbacks.onExit(detail);
    })
    .catch((err: Error) => {
      tail.stop();
      callbacks.onExit(`lost the container: ${err.message}`);
    });
  return {
    stop: () => {
      stopping = true;
      void container.stop({ t: 3 }).catch(() => undefined);
    },
    detached: true,
    checkpoint: () => ({ resultsOffset: read, containerId: container.id }),
  };
}

/**
 * Runs a job's pending media in the worker container: no network, media read-only, the job
 * folder writable, no capabilities, no new privileges, a non-root user, labelled with the job.
 * A refused GPU request is explained and the same container starts again without it.
 */
async function startContainerJob(job: ContainerJob, callbacks: RunnerCallbacks): Promise<RunnerHandle> {
  const jobDir = jobFolder(job.libraryRoot, job.runId);
  mkdirNoFollow(job.libraryRoot, jobDir);
  // Whatever a stopped container left after the last line read (perhaps half a line) goes: its
  // images are still pending and are done again, and the new container's lines start clean.
  const results = path.join(jobDir, 'results.jsonl');
  if (fs.existsSync(results) && fs.statSync(results).size > job.resultsOffset) fs.truncateSync(results, job.resultsOffset);
  writeManifest(job, jobDir);
  let container = await create(job, jobDir, job.gpu);
  try {
    await container.start();
  } catch (err) {
    const message = (err as Error).message;
    await container.remove({ force: true }).catch(() => undefined);
    if (!job.gpu || !gpuRequestFailure.test(message)) throw err;
    // dockerode prefixes the engine's words with "(HTTP code 500) server error - ".
    callbacks.onRunnerChanged('container-cpu', [explainGpuFailure(message.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, ''))]);
    writeManifest({ ...job, gpu: false }, jobDir);
    container = await create({ ...job, gpu: false }, jobDir, false);
    await container.start();
  }
  return follow(container, jobDir, job.resultsOffset, callbacks);
}

/** After a restart: the job's container, if the engine still has it, followed from where its results were read. */
async function reattachContainerJob(docker: Docker, job: RunnerJob, callbacks: RunnerCallbacks): Promise<RunnerHandle | null> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${jobLabel}=${job.runId}`, `${libraryLabel}=${job.libraryRoot}`] } });
  const info = found[0];
  if (!info) return null;
  return follow(docker.getContainer(info.Id), jobFolder(job.libraryRoot, job.runId), job.resultsOffset, callbacks);
}

export interface ContainerTarget {
  docker: Docker;
  gpu: boolean;
  limits: ContainerLimits;
  /** The worker image's tag; loading it, when it is not loaded yet, is the caller's own step before this. */
  image: () => Promise<string>;
}

/** The PyTorch worker in a container of the local engine, on the GPU when asked and allowed. */
export function containerRunner(target: ContainerTarget): Runner {
  return {
    reattach: (job, callbacks) => reattachContainerJob(target.docker, job, callbacks),
    start: async (job, callbacks) => startContainerJob({ ...job, docker: target.docker, gpu: target.gpu, limits: target.limits, image: await target.image() }, callbacks),
  };
}
