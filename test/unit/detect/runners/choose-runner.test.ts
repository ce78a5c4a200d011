import { describe, expect, it } from 'vitest';
import { chooseRunner } from '../../../../electron/backend/detect/runners/choose-runner.ts';
import type { EngineState, EngineStatus } from '../../../../electron/backend/engine/contract.ts';

function status(state: EngineState, image: { loaded: boolean; tarball: string | null }): EngineStatus {
  return { state, advice: `advice for ${state}.`, socket: null, engine: null, version: null, runtimes: [], gpus: 0, image: { tag: 'w', sha256: null, bytes: null, ...image } };
}

describe('choosing a runner: a pure function of the engine status and the choice', () => {
  it('runs on the CPU when the user says so, or automatically without a GPU or an image', () => {
    expect(chooseRunner('cpu', null, false)).toEqual({ runner: 'cpu', reason: 'You chose the embedded CPU detector.', needsImage: false });
    expect(chooseRunner('auto', status('running-no-gpu', { loaded: true, tarball: null }), true)).toMatchObject({ runner: 'cpu', reason: 'advice for running-no-gpu. The embedded CPU detector runs the job.' });
    expect(chooseRunner('auto', status('running-gpu', { loaded: false, tarball: null }), true)).toMatchObject({ runner: 'cpu', reason: expect.stringMatching(/image is not available/) });
    expect(chooseRunner('auto', status('not-running', { loaded: false, tarball: null }), false)).toMatchObject({ runner: 'cpu' });
  });

  it('uses the container on the GPU, and says when its image must be loaded first', () => {
    expect(chooseRunner('auto', status('running-gpu', { loaded: true, tarball: null }), true)).toEqual({ runner: 'container-gpu', reason: 'The detection container runs on the graphics card.', needsImage: false });
    expect(chooseRunner('auto', status('running-gpu', { loaded: false, tarball: '/r/w.tar.gz' }), true)).toMatchObject({ runner: 'container-gpu', needsImage: true });
    expect(chooseRunner('container', status('running-no-gpu', { loaded: false, tarball: '/r/w.tar.gz' }), true)).toMatchObject({ runner: 'container-cpu', needsImage: true });
  });

  it('refuses the container when no engine answers, with the engine advice', () => {
    expect(() => chooseRunner('container', status('not-running', { loaded: false, tarball: null }), false)).toThrow('advice for not-running.');
  });
});
