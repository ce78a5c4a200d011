import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediumRow } from './library-reads.ts';
import { thumbnailFor } from '../../../ingest/thumbnails.ts';
import type { Library } from '../../../library/open-library.ts';
import { libraryFile } from '../../../safe-fs/inside-root.ts';
import type { ExportOptions } from '../contract.ts';

export interface PlacedMedium {
  filePath: string;
  fileMediatype: string;
  /** Whether a file was written into the package. */
  copied: boolean;
}

/** Camtrap DP refuses a filePath with '..' anywhere, so a name like "IMG..1.JPG" is written under its media ID instead. */
function packagePath(m: MediumRow): string {
  if (!m.filePath.includes('..') && m.filePath.startsWith('media/')) return m.filePath;
  return `media/${m.deploymentID.replace(/[^\w.-]/g, '_').replace(/\.{2,}/g, '_')}/${m.mediaID}${path.extname(m.fileName).replace(/\.{2,}/g, '.')}`;
}

async function copyInto(packageDir: string, relative: string, from: string): Promise<void> {
  const to = path.join(packageDir, ...relative.split('/'));
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.copyFile(from, to, fs.constants.COPYFILE_EXCL);
}

/**
 * Puts a medium where its filePath says: the file copied into the package; a thumbnail (a JPEG,
 * for pictures; a video has none and is copied whole); or nothing, with filePath under the
 * base the user gave (a URL or a relative path), since Camtrap DP refuses absolute paths.
 */
export async function placeMedium(library: Library, packageDir: string, m: MediumRow, options: Pick<ExportOptions, 'media' | 'mediaBase'>): Promise<PlacedMedium> {
  if (options.media === 'none') {
    const base = (options.mediaBase ?? '').replace(/\/+$/, '');
    const parts = m.filePath.replace(/^media\//, '').split('/');
    // Under a URL each part of the path is encoded (a space becomes %20); a relative path stays as the files are named.
    const rest = /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? parts.map(encodeURIComponent) : parts;
    return { filePath: `${base}/${rest.join('/')}`, fileMediatype: m.mime, copied: false };
  }
  const source = libraryFile(library.paths.root, m.filePath);
  if (options.media === 'thumbnails' && m.mime.startsWith('image/')) {
    const relative = `thumbnails/${m.mediaID}.jpg`;
    await copyInto(packageDir, relative, await thumbnailFor(library, m.sha256, m.filePath));
    return { filePath: relative, fileMediatype: 'image/jpeg', copied: true };
  }
  const relative = packagePath(m);
  await copyInto(packageDir, relative, source);
  return { filePath: relative, fileMediatype: m.mime, copied: true };
}
