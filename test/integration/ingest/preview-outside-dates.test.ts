import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64)]);

describe('the preview checks the card dates against each deployment', () => {
  it('warns that a video dated today does not belong in a 2009 deployment, and suggests no deployment that misses it', async () => {
    const card = path.join(tempDir(), 'card');
    fs.mkdirSync(card);
    for (const name of fs.readdirSync(heronMedia())) fs.copyFileSync(path.join(heronMedia(), name), path.join(card, name));
    // Written now, as a copy from a phone would be: its file time is today.
    fs.writeFileSync(path.join(card, 'VID0001.MP4'), mp4);

    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    const { location, deployment } = heronDeployment();
    await t.must('location.add', location);
    await t.must('deployment.add', deployment);
    await t.must('deployment.add', { deploymentID: 'old2009', locationID: location.locationID, deploymentStart: '2009-03-01T00:00:00Z', deploymentEnd: '2009-06-01T00:00:00Z' });

    const preview = await t.must('ingest.preview', { source: card });
    expect(preview).toMatchObject({ files: 11, videos: 1, datesChecked: 11, suggestion: null });
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const todayText = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    expect(preview.outside.old2009?.count).toBe(11);
    expect(preview.outside[deployment.deploymentID]).toEqual({ count: 1, examples: [{ name: 'VID0001.MP4', time: expect.stringMatching(new RegExp(`^${todayText} `)) }] });

    // Without the video the heron deployment holds every file and is suggested; 2009 still is not.
    fs.rmSync(path.join(card, 'VID0001.MP4'));
    const images = await t.must('ingest.preview', { source: card });
    expect(images.suggestion).toEqual({ deploymentID: deployment.deploymentID, reason: 'dates' });
    expect(Object.keys(images.outside)).toEqual(['old2009']);
    expect(images.outside.old2009?.examples[0]).toEqual({ name: fs.readdirSync(card).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0], time: expect.stringMatching(/^2021-04-11 20:43:/) });

    // A clock offset that moves the pictures past the end makes the deployment one to warn about.
    await t.must('deployment.setClockOffset', { deploymentID: deployment.deploymentID, offsetSeconds: 30 * 86400 });
    const shifted = await t.must('ingest.preview', { source: card });
    expect(shifted.suggestion).toBeNull();
    expect(shifted.outside[deployment.deploymentID]).toMatchObject({ count: 10, examples: expect.arrayContaining([expect.objectContaining({ time: expect.stringMatching(/^2021-05-11 20:43:/) })]) });
  });
});
