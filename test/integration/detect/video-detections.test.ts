import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { libraryWithMedia } from '../exchange/results-library.ts';

afterAll(removeTempDirs);

/** MegaDetector's video output (format 1.4 and later): every tenth frame examined, boxes with the frame they are in. */
const results = {
  info: { format_version: '1.4', detector: 'md_v5a.0.0.pt' },
  detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
  images: [
    { file: 'card/IMG_0001.JPG', detections: [{ category: '1', conf: 0.9, bbox: [0.1, 0.1, 0.2, 0.2] }] },
    {
      file: 'card/VID_0001.MP4',
      frame_rate: 10,
      frames_processed: [0, 10, 20, 30],
      detections: [
        { category: '1', conf: 0.8, bbox: [0.5, 0.5, 0.25, 0.25], frame_number: 10 },
        { category: '2', conf: 0.6, bbox: [0.1, 0.2, 0.3, 0.4], frame_number: 20 },
        { category: '1', conf: 0.05, bbox: [0, 0, 0.1, 0.1], frame_number: 30 },
      ],
    },
  ],
};

describe('the boxes of a video in the viewer', () => {
  it('come with the frame each was found in and the video’s frame rate; a picture’s have neither', async () => {
    const t = testBackend();
    await libraryWithMedia(t, [
      { deploymentID: 'dep1', path: 'IMG_0001.JPG', time: '2023-05-01 10:00:00' },
      { deploymentID: 'dep1', path: 'VID_0001.MP4', time: '2023-05-01 10:00:05', type: 'video' },
    ]);
    const file = path.join(tempDir(), 'video-results.json');
    fs.writeFileSync(file, JSON.stringify(results));
    const preview = await t.must('exchange.previewResults', { file });
    expect(preview).toMatchObject({ matched: 2, videos: 1 });
    await t.must('exchange.importResults', { file, root: preview.root, folder: preview.folder });
    const [picture, video] = (await t.must('media.page', {})).items;
    if (!picture || !video) throw new Error('no media');
    expect(video.mediaType).toBe('video');

    const shown = await t.must('detect.mediaResult', { mediaID: video.mediaID });
    expect(shown).toMatchObject({ status: 'ok', frameRate: 10, framesProcessed: [0, 10, 20, 30] });
    // At the run's threshold (0.2 for MegaDetector v5): the faint box at frame 30 is left out.
    expect(shown?.detections.map((d) => ({ category: d.category, frame: d.frame, bbox: d.bbox }))).toEqual([
      { category: 'animal', frame: 10, bbox: [0.5, 0.5, 0.25, 0.25] },
      { category: 'person', frame: 20, bbox: [0.1, 0.2, 0.3, 0.4] },
    ]);
    expect((await t.must('detect.mediaResult', { mediaID: video.mediaID, threshold: 0.01 }))?.detections.map((d) => d.frame)).toEqual([10, 20, 30]);

    const still = await t.must('detect.mediaResult', { mediaID: picture.mediaID });
    expect(still?.detections).toHaveLength(1);
    expect(still).not.toHaveProperty('frameRate');
    expect(still).not.toHaveProperty('framesProcessed');
    expect(still?.detections[0]).not.toHaveProperty('frame');

    // Labels act on a video's boxes as on a picture's: a false detection, then the fox named.
    const [fox, person] = shown?.detections ?? [];
    if (!fox || !person) throw new Error('no boxes');
    await t.must('species.ensure', { scientificName: 'Vulpes vulpes' });
    await t.must('review.markFalse', { detectionIds: [person.detectionId] });
    await t.must('review.label', { target: { detectionIds: [fox.detectionId] }, scientificName: 'Vulpes vulpes', count: 1 });
    const said = await t.must('review.observations', { mediaID: video.mediaID });
    expect(said.map((o) => ({ name: o.scientificName, falseDetection: o.falseDetection }))).toEqual(
      expect.arrayContaining([
        { name: 'Vulpes vulpes', falseDetection: false },
        { name: null, falseDetection: true },
      ]),
    );
  });
});
