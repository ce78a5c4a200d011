import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { ContainerTarget } from '../../../../electron/backend/detect/runners/container-runner.ts';
import { runnerForJob } from '../../../../electron/backend/detect/runners/runner-for-job.ts';
import type { Runner } from '../../../../electron/backend/detect/runners/runner.ts';
import type { EngineStatusWithDocker } from '../../../../electron/backend/engine/engine.ts';

const limits = { memoryBytes: 1 << 30, pids: 100 };
const cpu: Runner = { reattach: () => Promise.resolve(null), start: () => Promise.reject(new Error('not started here')) };

function sources(docker: Docker | null, loaded: boolean) {
  const asked = { status: 0, loads: 0, targets: [] as ContainerTarget[] };
  const status: EngineStatusWithDocker = { state: 'running-gpu', advice: 'Docker is not running.', says: { key: 'engine-not-running' }, socket: null, engine: null, version: null, runtimes: [], gpus: 1, image: { tag: 'w:1', loaded, tarball: '/r/w.tar.gz', sha256: null, bytes: null }, docker };
  return {
    asked,
    status,
    sources: {
      engine: {
        status: () => {
          asked.status += 1;
          return Promise.resolve(status);
        },
        loadImage: () => {
          asked.loads += 1;
          return Promise.resolve({ ...status.image, loaded: true, tag: 'w:loaded' });
        },
      },
      runners: {
        cpu,
        container: (target: ContainerTarget) => {
          asked.targets.push(target);
          return cpu;
        },
      },
    },
  };
}

describe('the runner of a recorded job', () => {
  it('is the CPU worker without asking the engine', async () => {
    const s = sources(null, false);
    expect(await runnerForJob(1, 'cpu', s.sources, limits)).toBe(cpu);
    expect(s.asked.status).toBe(0);
  });

  it('is the container on the engine asked once, the status of the start reused, the image loaded only when it starts', async () => {
    const s = sources({} as Docker, false);
    await runnerForJob(1, 'container-gpu', s.sources, limits, s.status);
    expect(s.asked.status).toBe(0);
    await runnerForJob(2, 'container-cpu', s.sources, limits);
    expect(s.asked.status).toBe(1);
    expect(s.asked.targets.map((t) => [t.gpu, t.limits])).toEqual([[true, limits], [false, limits]]);
    expect(s.asked.loads).toBe(0);
    expect(await s.asked.targets[0]?.image()).toBe('w:loaded');
    expect(s.asked.loads).toBe(1);
  });

  it('says why a container job cannot go on when no engine answers', async () => {
    await expect(runnerForJob(3, 'container-cpu', sources(null, true).sources, limits)).rejects.toMatchObject({ says: { key: 'job-needs-engine', values: { runId: 3 } }, message: expect.stringMatching(/^Detection job 3 runs in the detection container, but the container engine does not answer now/) });
  });
});
