import fs from 'node:fs';
import path from 'node:path';
import { packageLimits } from './limits.ts';
import { fileInside, isUrl } from './package-file.ts';
import type { MediaRow } from './package-rows.ts';
import type { Problems } from './refusal.ts';
import { mediaKindOf, type MediaKind } from '../../../ingest/media-kinds.ts';
import type { Says } from '../../../rpc/messages.ts';

export interface LocalFile {
  file: string;
  size: number;
  mtimeMs: number;
  /** Where it goes under the deployment's folder in the library. */
  relPath: string;
  kind: MediaKind;
}

export interface LocatedMedium {
  row: MediaRow;
  /** The file to copy, or null for a row kept as a reference. */
  local: LocalFile | null;
  availability: 'copied' | 'url' | 'missing';
}

export interface Located {
  media: LocatedMedium[];
  missing: string[];
  warnings: Says[];
}

/** Files of the folder the user named, by name without case: a URL's file downloaded there is found by its fileName. */
function indexFolder(root: string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > 16) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs, depth + 1);
      else if (entry.isFile()) {
        seen += 1;
        if (seen > packageLimits.mediaFolderFiles) return;
        const key = entry.name.toLowerCase();
        byName.set(key, [...(byName.get(key) ?? []), abs]);
      }
    }
  };
  walk(root, 0);
  return byName;
}

/** The library keeps a deployment's files in its own folder: a package's media/ and deployment folders are not repeated. */
function placeUnderDeployment(relative: string, deploymentID: string): string {
  const parts = relative.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length > 1 && parts[0]?.toLowerCase() === 'media') parts.shift();
  if (parts.length > 1 && parts[0] === deploymentID) parts.shift();
  return parts.join('/');
}

/** The kind by the file's name, else by the media type the package gives (a URL's file may have no extension). */
function kindOf(name: string, mediatype: string): MediaKind | undefined {
  const byName = mediaKindOf(name);
  if (byName) return byName;
  const extension = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/tiff': '.tif', 'video/mp4': '.mp4', 'video/quicktime': '.mov', 'video/x-msvideo': '.avi' }[mediatype.toLowerCase()];
  return extension ? mediaKindOf(`x${extension}`) : undefined;
}

/**
 * Where each media row's file is: in the package (filePath relative to it), in the folder the
 * user named (the same relative path, or a file of the row's name), or nowhere. A URL or an
 * absent file keeps the row as a reference; an absent one refuses the package unless allowed.
 */
export function locateMedia(rows: MediaRow[], packageRoot: string, mediaFolder: string | undefined, allowMissing: boolean, problems: Problems): Located {
  let folderIndex: Map<string, string[]> | undefined;
  const byName = (name: string): string | null => {
    if (!mediaFolder) return null;
    folderIndex ??= indexFolder(mediaFolder);
    const hits = folderIndex.get(name.toLowerCase()) ?? [];
    return hits.length === 1 ? (hits[0] as string) : null;
  };
  const missing: string[] = [];
  const warnings: Says[] = [];
  const media = rows.map((row): LocatedMedium => {
    const url = isUrl(row.filePath);
    const name = row.fileName ?? path.posix.basename(row.filePath);
    let found: { file: string; relPath: string } | null = null;
    if (!url) {
      const inPackage = fileInside(packageRoot, row.filePath);
      if (!inPackage.found && (inPackage.why === 'unsafe' || inPackage.why === 'link')) {
        const key = inPackage.why === 'unsafe' ? 'package-import-file-path-unsafe' : 'package-import-file-is-link';
        problems.push({ key, values: { file: row.file, row: row.row, path: row.filePath.slice(0, 200) } });
        return { row, local: null, availability: 'missing' };
      }
      const inFolder = !inPackage.found && mediaFolder && inPackage.why === 'missing' ? fileInside(mediaFolder, row.filePath) : null;
      if (inPackage.found) found = { file: inPackage.file, relPath: row.filePath };
      else if (inFolder?.found) found = { file: inFolder.file, relPath: row.filePath };
      else if (!inPackage.found && inPackage.why === 'missing') {
        const named = byName(name);
        if (named) found = { file: named, relPath: name };
      }
    } else {
      const named = byName(name);
      if (named) found = { file: named, relPath: name };
    }
    if (found) {
      const kind = kindOf(found.file, row.fileMediatype);
      if (!kind) {
        warnings.push({ key: 'package-import-warning-not-supported', values: { path: row.filePath.slice(0, 200), mediatype: row.fileMediatype } });
        return { row, local: null, availability: url ? 'url' : 'missing' };
      }
      const stat = fs.statSync(found.file);
      return { row, local: { file: found.file, size: stat.size, mtimeMs: stat.mtimeMs, relPath: placeUnderDeployment(found.relPath, row.deploymentID), kind }, availability: 'copied' };
    }
    if (url) return { row, local: null, availability: 'url' };
    if (missing.length < packageLimits.namedMissing) missing.push(row.filePath);
    if (!allowMissing) problems.push({ key: 'package-import-file-missing', values: { file: row.file, row: row.row, path: row.filePath.slice(0, 200) } });
    return { row, local: null, availability: 'missing' };
  });
  return { media, missing, warnings };
}
