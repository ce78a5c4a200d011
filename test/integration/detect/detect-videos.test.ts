import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import type { JobProgress } from '../../../electron/backend/detect/contract.ts';
import { megadetectorJson } from '../../../electron/backend/detect/megadetector-export.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { iou } from '../../support/ground-truth.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeVideo, truncatedCopy } from '../../support/make-video.ts';
import { useTestModels } from '../../support/models.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
  copySpec();
});
afterAll(removeTempDirs);

interface Box {
  conf: number;
  bbox: number[];
  frame: number | null;
}

/** The heron's frames at 2 a second, as an MP4 and an MJPEG AVI, a cut copy, and the stills themselves, on one card. */
function card(): { dir: string; stills: string[] } {
  const dir = path.join(tempDir(), 'card');
  fs.mkdirSync(path.join(dir, 'DCIM'), { recursive: true });
  const stills = fs.readdirSync(heronMedia()).sort().map((n) => path.join(heronMedia(), n));
  makeVideo(path.join(dir, 'DCIM', 'HERON.MP4'), { frames: stills, fps: 2, codec: 'h264' });
  makeVideo(path.join(dir, 'DCIM', 'HERON.AVI'), { frames: stills, fps: 2, codec: 'mjpeg' });
  truncatedCopy(path.join(dir, 'DCIM', 'HERON.MP4'), path.join(dir, 'DCIM', 'CUT.MP4'));
  for (const s of stills) fs.copyFileSync(s, path.join(dir, 'DCIM', path.basename(s)));
  return { dir, stills };
}

/** The system's ffmpeg (Debian's, in development and CI), and the binaries the packaged app carries in its npm packages. */
const toolSets: { name: string; env: Record<string, string> }[] = [
  { name: "the system's ffmpeg", env: {} },
  {
    name: 'the ffmpeg shipped in npm packages',
    env: { CAMTRAP_FFMPEG: path.resolve('node_modules/@ffmpeg-installer/linux-x64/ffmpeg'), CAMTRAP_FFPROBE: path.resolve('node_modules/@ffprobe-installer/linux-x64/ffprobe') },
  },
];

describe.each(toolSets)('detection in videos, on the CPU, with $name', ({ env }) => {
  beforeAll(() => Object.assign(process.env, env));
  afterAll(() => {
    for (const key of Object.keys(env)) delete process.env[key];
  });

  it('samples one frame a second, finds the heron where the stills have it, keeps every frame, and fails a cut file with a reason', async () => {
    const { dir, stills } = card();
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, dir, 'dep1');
    let frames = 0;
    t.backend.subscribe((name, payload) => {
      if (name === 'detect.progress') frames = Math.max(frames, (payload as JobProgress).frames ?? 0);
    });
    const job = await detectAndWait(t, {}, undefined, 'cpu');
    // Progress counts the frames looked at, the two whole videos' five each at least.
    expect(frames).toBeGreaterThanOrEqual(10);
    expect(job).toMatchObject({ state: 'done', total: stills.length + 3, done: stills.length + 3, failed: 1 });
    const { db } = t.backend.requireLibrary();
    const result = (name: string) =>
      db.prepare('SELECT x.media_pk AS pk, x.status, x.failure, x.frame_rate AS frameRate, x.frames_processed AS frames FROM detection_results x JOIN media m ON m.media_pk = x.media_pk WHERE m.file_name = ?').get(name) as {
        pk: number;
        status: string;
        failure: string | null;
        frameRate: number | null;
        frames: string | null;
      };
    const animals = (pk: number) =>
      db.prepare("SELECT conf, x, y, w, h, frame_number AS frame FROM detections WHERE media_pk = ? AND category = 'animal' AND conf >= 0.35 ORDER BY conf DESC").all(pk).map((b) => {
        const r = b as { conf: number; x: number; y: number; w: number; h: number; frame: number | null };
        return { conf: r.conf, bbox: [r.x, r.y, r.w, r.h], frame: r.frame };
      }) as Box[];
    const cut = result('CUT.MP4');
    expect(cut.status).toBe('failed');
    expect(JSON.parse(cut.failure ?? '[]')).toMatchObject([{ key: 'detect-video-unreadable', values: { detail: expect.stringMatching(/moov atom not found/) } }]);
    // In plain words: neither ffmpeg's "[mov,mp4,... @ 0x...]" nor the file's path.
    expect(cut.failure).not.toMatch(/@ 0x|card/);
    for (const name of ['HERON.MP4', 'HERON.AVI']) {
      const video = result(name);
      expect(video, name).toMatchObject({ status: 'ok', frameRate: 2, frames: '[0,2,4,6,8]' });
      const boxes = animals(video.pk);
      let matched = 0;
      for (const frame of [0, 2, 4, 6, 8]) {
        const still = animals(result(path.basename(stills[frame] as string)).pk)[0];
        if (!still) continue;
        const best = boxes.filter((b) => b.frame === frame).sort((a, b) => iou(b.bbox, still.bbox) - iou(a.bbox, still.bbox))[0];
        expect(best, `${name}: the heron in frame ${frame}`).toBeDefined();
        expect(iou(best?.bbox ?? [0, 0, 0, 0], still.bbox), `${name} frame ${frame}`).toBeGreaterThanOrEqual(0.5);
        matched += 1;
      }
      expect(matched, `${name}: frames whose still has the heron`).toBeGreaterThanOrEqual(3);
      // MegaDetector's video result: per class, the box of the frame it is surest of; every frame stays in the library.
      const md = megadetectorJson(db, job.runId).images.find((i) => i.file.endsWith(name));
      const mdAnimals = (md?.detections ?? []).filter((d) => d.category === '1');
      expect(mdAnimals).toHaveLength(1);
      expect(mdAnimals[0]).toMatchObject({ conf: boxes[0]?.conf, frame_number: boxes[0]?.frame });
      expect(md).toMatchObject({ frame_rate: 2, frames_processed: [0, 2, 4, 6, 8] });
      expect(boxes.length).toBeGreaterThan(1);
    }
    // Camtrap DP: each video a media row of its own type, observed once per class, not once per frame.
    await t.must('project.set', {
      title: 'Heron videos',
      samplingDesign: 'opportunistic',
      captureMethod: ['activityDetection'],
      individualAnimals: false,
      observationLevel: ['media', 'event'],
      contributors: [{ name: 'Ada Field', role: 'principalInvestigator' }],
      dataLicence: 'CC0-1.0',
      mediaLicence: 'CC-BY-4.0',
    });
    // GBIF needs a named species: a person names the heron in the AVI; the MP4 keeps the machine's word.
    const aviID = db.prepare("SELECT media_id FROM media WHERE file_name = 'HERON.AVI'").pluck().get() as string;
    await t.must('species.ensure', { scientificName: 'Ardea cinerea' });
    await t.must('review.label', { target: { mediaIDs: [aviID] }, scientificName: 'Ardea cinerea' });
    const out = tempDir();
    const exported = await t.must('exchange.exportCamtrapDp', { folder: out, media: 'none', mediaBase: 'https://media.example.org/herons' });
    expect(exported.problems.map((p) => englishFor(p.key, p.values))).toEqual([]);
    const rows = (name: string) => parse(fs.readFileSync(path.join(exported.folder as string, name), 'utf8'), { columns: true }) as Record<string, string>[];
    const media = rows('media.csv');
    const mp4 = media.find((m) => m.fileName === 'HERON.MP4');
    const avi = media.find((m) => m.fileName === 'HERON.AVI');
    expect([mp4?.fileMediatype, avi?.fileMediatype]).toEqual(['video/mp4', 'video/x-msvideo']);
    const observed = rows('observations.csv').filter((o) => o.mediaID === mp4?.mediaID && o.observationType !== 'blank');
    expect(observed.filter((o) => o.observationType === 'animal')).toHaveLength(1);
    t.backend.close();
  });
});
