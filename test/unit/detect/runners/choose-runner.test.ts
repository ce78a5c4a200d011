import { describe, expect, it } from 'vitest';
import { chooseRunner } from '../../../../electron/backend/detect/runners/choose-runner.ts';
import type { EngineState, EngineStatus } from '../../../../electron/backend/engine/contract.ts';
import { adviceKey } from '../../../../electron/backend/engine/engine-status.ts';
import { englishFor } from '../../../../electron/backend/rpc/messages.ts';

function status(state: EngineState, image: { loaded: boolean; tarball: string | null }): EngineStatus {
  return { state, advice: englishFor(adviceKey(state)), says: { key: adviceKey(state) }, socket: null, engine: null, version: null, runtimes: [], gpus: 0, image: { tag: 'w', sha256: null, bytes: null, ...image } };
}

describe('choosing a runner: a pure function of the engine status and the choice', () => {
  it('runs on the CPU when the user says so, or automatically without a GPU or an image', () => {
    expect(chooseRunner('cpu', null, false)).toEqual({ runner: 'cpu', reason: 'You chose the embedded CPU detector.', says: [{ key: 'runner-cpu-chosen' }], needsImage: false });
    expect(chooseRunner('auto', status('running-no-gpu', { loaded: true, tarball: null }), true)).toMatchObject({
      runner: 'cpu',
      reason: expect.stringMatching(/^Docker runs without GPU support .* restart Docker\. The embedded CPU detector runs the job\.$/),
      says: [{ key: 'engine-running-no-gpu' }, { key: 'runner-cpu-runs-job' }],
    });
    expect(chooseRunner('auto', status('running-gpu', { loaded: false, tarball: null }), true)).toMatchObject({
      runner: 'cpu',
      reason: expect.stringMatching(/image is not available/),
      says: [{ key: 'runner-image-missing' }, { key: 'runner-cpu-runs-job' }],
    });
    expect(chooseRunner('auto', status('not-running', { loaded: false, tarball: null }), false)).toMatchObject({ runner: 'cpu' });
  });

  it('uses the container on the GPU, and says when its image must be loaded first', () => {
    expect(chooseRunner('auto', status('running-gpu', { loaded: true, tarball: null }), true)).toEqual({
      runner: 'container-gpu',
      reason: 'The detection container runs on the graphics card.',
      says: [{ key: 'runner-container-gpu' }],
      needsImage: false,
    });
    expect(chooseRunner('auto', status('running-gpu', { loaded: false, tarball: '/r/w.tar.gz' }), true)).toMatchObject({ runner: 'container-gpu', needsImage: true });
    expect(chooseRunner('container', status('running-no-gpu', { loaded: false, tarball: '/r/w.tar.gz' }), true)).toMatchObject({
      runner: 'container-cpu',
      reason: expect.stringMatching(/^You chose the container\. Docker runs without GPU support/),
      says: [{ key: 'runner-container-chosen' }, { key: 'engine-running-no-gpu' }],
      needsImage: true,
    });
  });

  it('refuses the container when no engine answers, with the engine advice', () => {
    expect(() => chooseRunner('container', status('not-running', { loaded: false, tarball: null }), false)).toThrow(/^Docker is installed but not running\. Start Docker Desktop/);
  });
});
