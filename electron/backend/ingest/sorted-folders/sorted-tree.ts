import path from 'node:path';
import type { SourceFile, SourceScan } from '../scan-source.ts';

/** camtrapR's folder layouts: Station/Species/files, or Station/Camera/Species/files (cameraID = "directory"). */
export type SortedLayout = 'station-species' | 'station-camera-species';

/** The files of one station (or one camera of a station), each with the species folder it was sorted into. */
export interface SortedGroup {
  station: string;
  camera: string | null;
  /** The group's folder, relative to the chosen folder, with forward slashes. */
  folder: string;
  /** The group's own scan: paths relative to its folder, as an import of that folder would see them. */
  scan: SourceScan;
  /** By path relative to the group's folder: the species folder's name. Folders below it (individuals, bursts) belong to it. */
  speciesOf: Map<string, string>;
}

export interface SortedTree {
  groups: SortedGroup[];
  /** Media not inside a species folder (loose in a station folder): left where they are. */
  looseFiles: string[];
}

const depth = (layout: SortedLayout) => (layout === 'station-species' ? 1 : 2);

export function sortedTree(scan: SourceScan, layout: SortedLayout): SortedTree {
  const groups = new Map<string, SortedGroup>();
  const looseFiles: string[] = [];
  const d = depth(layout);
  for (const file of scan.files) {
    const parts = file.relPath.split('/');
    // station, [camera], species, …, file
    if (parts.length < d + 2) {
      looseFiles.push(file.relPath);
      continue;
    }
    const folder = parts.slice(0, d).join('/');
    let group = groups.get(folder);
    if (!group) {
      group = { station: parts[0] as string, camera: d === 2 ? (parts[1] as string) : null, folder, scan: { root: path.join(scan.root, ...parts.slice(0, d)), files: [], totalBytes: 0, otherFiles: 0 }, speciesOf: new Map() };
      groups.set(folder, group);
    }
    const inner: SourceFile = { ...file, relPath: parts.slice(d).join('/') };
    group.scan.files.push(inner);
    group.scan.totalBytes += file.size;
    group.speciesOf.set(inner.relPath, parts[d] as string);
  }
  return { groups: [...groups.values()], looseFiles };
}

/**
 * Which layout a tree has, from the folder names a level down: names that are species (or UNID,
 * Empty…) at the second level say Station/Species; at the third, Station/Camera/Species.
 */
export function guessLayout(scan: SourceScan, isSpeciesName: (name: string) => boolean): SortedLayout {
  const namesAt = (level: number) => new Set(scan.files.map((f) => f.relPath.split('/')).filter((p) => p.length > level + 1).map((p) => p[level] as string));
  const share = (names: Set<string>) => (names.size === 0 ? 0 : [...names].filter(isSpeciesName).length / names.size);
  return share(namesAt(2)) > share(namesAt(1)) ? 'station-camera-species' : 'station-species';
}
