import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { libraryWithMedia } from './results-library.ts';
import { main } from '../../../electron/backend/cli/main.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);
beforeAll(() => {
  process.env.CAMTRAP_DATA_DIR = tempDir('camtrap-cli-data-');
});

/** Runs the command line in this process and returns its exit code and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'camtrap-station', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('camtrap-station import-results and export-csv', () => {
  it('imports results from the command line, with the root given, reports what did not match, and writes the tables', async () => {
    const t = testBackend();
    const { root } = await libraryWithMedia(t, [
      { deploymentID: 'dep1', path: 'IMG_0001.JPG', time: '2023-05-01 10:00:00' },
      { deploymentID: 'dep1', path: 'IMG_0002.JPG', time: '2023-05-01 11:00:00' },
    ]);
    await t.must('library.close', {});
    const work = tempDir();
    const file = path.join(work, 'md.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        info: { format_version: '1.6', detector: 'md_v5a.0.0.pt' },
        detection_categories: { '1': 'animal' },
        images: [
          { file: '/mnt/run/dep1/IMG_0001.JPG', detections: [{ category: '1', conf: 0.9, bbox: [0.1, 0.1, 0.2, 0.2] }] },
          { file: '/mnt/run/dep1/IMG_0002.JPG', detections: [] },
          { file: '/mnt/run/dep1/IMG_0003.JPG', detections: [] },
        ],
      }),
    );
    const preview = await cli('import-results', '--library', root, '--preview', file);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('paths starting with "/mnt/run" are looked for in the library\'s media/');
    expect(preview.stdout).toContain('/mnt/run/dep1/IMG_0003.JPG (no such picture in the library)');

    const imported = await cli('--json', 'import-results', '--library', root, '--root', '/mnt/run', file);
    expect(imported.code).toBe(4);
    expect(JSON.parse(imported.stdout)).toMatchObject({ matched: 2, unmatched: 1, boxes: 1, deployments: ['dep1'] });

    const bad = path.join(work, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ detection_categories: { '1': 'animal' }, images: [{ file: 'x.jpg', detections: [{ category: '1', conf: 2, bbox: [0, 0, 1, 1] }] }] }));
    const refused = await cli('import-results', '--library', root, bad);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('problem: images[0].detections[0].conf (x.jpg) is above 1, the most it may be.');

    const table = path.join(work, 'events.csv');
    const written = await cli('export-csv', '--library', root, '--table', 'events', table);
    expect(written).toMatchObject({ code: 0, stdout: `Wrote independent events per station and taxon with trap nights: 2 rows to ${table}\n` });
    expect(fs.readFileSync(table, 'utf8')).toMatch(/^Station,locationID,latitude,longitude,Taxon,TaxonSource,Events,TrapNights,EventsPer100TrapNights,EffortRule\nPond,loc1,50.7,4,animal,detector,1,/);
  });
});
