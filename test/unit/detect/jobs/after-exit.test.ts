import { describe, expect, it } from 'vitest';
import { maxCrashes, nextStep } from '../../../../electron/backend/detect/jobs/after-exit.ts';

describe('what follows a worker that ended', () => {
  it('does what was asked first, then finishes when nothing is left', () => {
    expect(nextStep('pause', 10, 0)).toEqual({ kind: 'paused' });
    expect(nextStep('cancel', 10, 0)).toEqual({ kind: 'cancelled' });
    expect(nextStep(null, 0, 3)).toEqual({ kind: 'done' });
  });

  it('restarts a crashed worker, skips the image it may choke on from the second crash, and gives up after too many', () => {
    expect(nextStep(null, 5, 1)).toEqual({ kind: 'restart', skipFirst: false });
    expect(nextStep(null, 5, 2)).toEqual({ kind: 'restart', skipFirst: true });
    expect(nextStep(null, 5, maxCrashes)).toEqual({ kind: 'restart', skipFirst: true });
    expect(nextStep(null, 5, maxCrashes + 1)).toEqual({ kind: 'failed' });
  });
});
