import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo, JobProgress } from '../../../electron/backend/detect/contract.ts';
import type { Db } from '../../../electron/backend/library/db.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { libraryWithCard } from '../../support/library-with-card.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';
import { tinyClassifierPackage } from '../../support/tiny-classifier.ts';

beforeAll(() => {
  const models = useTestModels();
  tinyClassifierPackage(path.join(models, 'tiny-test-classifier'));
});
afterAll(removeTempDirs);

const images = 120;

/** Boxes the classifier must have said something about, and how many predictions each has. */
function predictionsPerBox(db: Db, runId: number): { boxes: number; counts: number[]; unclassified: number } {
  const threshold = db.prepare('SELECT classify_threshold FROM detection_runs WHERE run_id = ?').pluck().get(runId) as number;
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM classifications c WHERE c.detection_id = d.detection_id AND c.kind = 'prediction') AS n
       FROM detections d WHERE d.run_id = ? AND d.category = 'animal' AND d.conf >= ?`,
    )
    .pluck()
    .all(runId, threshold) as number[];
  const unclassified = db.prepare("SELECT COUNT(*) FROM detection_results WHERE run_id = ? AND status = 'ok' AND classified_at IS NULL").pluck().get(runId) as number;
  return { boxes: counts.length, counts: [...new Set(counts)], unclassified };
}

describe('classification survives kill -9 of its worker', () => {
  it('while classifying an earlier run: the job restarts the worker and every box ends with exactly one prediction', async () => {
    const { t } = await libraryWithCard(images);
    const detected = await detectAndWait(t, {}, undefined, 'cpu');
    const { db } = t.backend.requireLibrary();
    // Killed at the first results stored, and again once the restarted worker has stored more:
    // thresholds that hold however fast the machine is, as long as results come in batches.
    let kills = 0;
    let doneAtKill = 0;
    let killed: number | undefined;
    const ended = new Promise<JobInfo>((resolve) =>
      t.backend.subscribe((name, payload) => {
        if (name === 'detect.progress') {
          const p = payload as JobProgress;
          const pid = t.backend.detection.workerPid(p.runId);
          // A worker already killed may still have lines on their way: the next kill waits for its successor.
          if (kills < 2 && p.done > doneAtKill && p.done < p.total && pid && pid !== killed) {
            kills += 1;
            doneAtKill = p.done;
            killed = pid;
            process.kill(pid, 'SIGKILL');
          }
        }
        if (name === 'detect.finished' && (payload as JobInfo).runId === detected.runId) resolve(payload as JobInfo);
      }),
    );
    await t.must('detect.classifyRun', { runId: detected.runId, classifierID: 'tiny-test-classifier', runner: 'cpu' });
    const job = await ended;
    expect(kills).toBeGreaterThanOrEqual(1);
    expect(job).toMatchObject({ state: 'done', total: images, done: images, classifierName: 'Tiny test classifier' });
    const per = predictionsPerBox(db, detected.runId);
    expect(per.boxes).toBeGreaterThan(images / 2);
    expect(per).toMatchObject({ counts: [1], unclassified: 0 });
    t.backend.close();
  }, 300_000);

  it('while detecting and classifying in one job: the same, the boxes and their species stored together', async () => {
    const { t } = await libraryWithCard(images);
    let kills = 0;
    const ended = new Promise<JobInfo>((resolve) =>
      t.backend.subscribe((name, payload) => {
        if (name === 'detect.progress') {
          const p = payload as JobProgress;
          const pid = t.backend.detection.workerPid(p.runId);
          if (kills === 0 && p.done > 0 && p.done < p.total && pid) {
            kills += 1;
            process.kill(pid, 'SIGKILL');
          }
        }
        if (name === 'detect.finished') resolve(payload as JobInfo);
      }),
    );
    const started = await t.must('detect.start', { runner: 'cpu', classifierID: 'tiny-test-classifier', scope: { onlyUnprocessed: true } });
    const job = await ended;
    expect(kills).toBe(1);
    expect(job).toMatchObject({ runId: started.runId, state: 'done', total: images, done: images });
    const per = predictionsPerBox(t.backend.requireLibrary().db, started.runId);
    expect(per.boxes).toBeGreaterThan(images / 2);
    expect(per).toMatchObject({ counts: [1], unclassified: 0 });
    t.backend.close();
  }, 300_000);
});
