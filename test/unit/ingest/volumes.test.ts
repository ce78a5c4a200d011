import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listVolumes, volumeRoots } from '../../../electron/backend/ingest/volumes.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('finding camera cards', () => {
  it('knows where each system mounts removable media', () => {
    expect(volumeRoots('linux', {}).roots).toEqual(['/media', '/run/media']);
    expect(volumeRoots('darwin', {}).roots).toEqual(['/Volumes']);
    expect(volumeRoots('win32', {}).roots).toContain('E:\\');
  });

  it('lists volumes with a DCIM folder at /media/<user>/<label> and /media/<label>, not others', () => {
    const media = tempDir();
    fs.mkdirSync(path.join(media, 'ranger', 'RECONYX', 'DCIM', '100RECNX'), { recursive: true });
    fs.mkdirSync(path.join(media, 'CARD2', 'DCIM'), { recursive: true });
    fs.mkdirSync(path.join(media, 'ranger', 'BACKUP-DISK', 'photos'), { recursive: true });
    const found = listVolumes('linux', { CAMTRAP_VOLUME_ROOTS: media }).map((v) => path.relative(media, v.path)).sort();
    expect(found).toEqual(['CARD2', path.join('ranger', 'RECONYX')]);
  });
});
