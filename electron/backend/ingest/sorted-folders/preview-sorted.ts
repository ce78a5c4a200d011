import { matchFolder, type FolderMatch } from './folder-species.ts';
import { guessLayout, sortedTree, type SortedGroup, type SortedLayout } from './sorted-tree.ts';
import type { Deployment } from '../../library/contract.ts';
import type { Db } from '../../library/db.ts';
import { listDeployments } from '../../library/deployments.ts';
import type { Checklist } from '../../review/checklist.ts';
import type { Says } from '../../rpc/messages.ts';
import { previewImport } from '../preview-import.ts';
import type { SourceScan } from '../scan-source.ts';
import { suggestDeployment } from '../suggest-deployment.ts';

export interface SortedGroupPreview {
  folder: string;
  station: string;
  camera: string | null;
  files: number;
  locationID: string | null;
  locationName: string | null;
  /** The deployment at that station (of that camera) whose dates hold the files; null when none does. */
  deploymentID: string | null;
  /** Wall-clock camera times of the files, YYYY-MM-DD HH:MM:SS. */
  firstTime: string | null;
  lastTime: string | null;
  /** Why the group cannot be imported yet, in words. */
  problem: Says | null;
}

export interface SortedFolderPreview {
  name: string;
  files: number;
  /** What the name was matched to without asking; null: a person maps it once. */
  match: FolderMatch | null;
}

export interface SortedPreview {
  source: string;
  layout: SortedLayout;
  files: number;
  groups: SortedGroupPreview[];
  folders: SortedFolderPreview[];
  looseFiles: number;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const plain = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The deployment of a station folder: at the location of that name, of that camera where the layout has camera folders, holding the files' dates. */
async function matchGroup(db: Db, group: SortedGroup, deployments: Deployment[]): Promise<SortedGroupPreview> {
  const base = { folder: group.folder, station: group.station, camera: group.camera, files: group.scan.files.length };
  const atStation = deployments.filter((d) => same(d.locationName, group.station) || same(d.locationID, group.station));
  const preview = await previewImport(db, group.scan);
  const times = { firstTime: preview.firstTime, lastTime: preview.lastTime };
  const location = atStation[0];
  if (!location) return { ...base, ...times, locationID: null, locationName: null, deploymentID: null, problem: { key: 'sorted-station-unknown', values: { station: group.station } } };
  const camera = group.camera;
  const ofCamera = camera === null ? atStation : atStation.filter((d) => d.cameraID !== null && plain(d.cameraID) === plain(camera));
  const suggestion = suggestDeployment(ofCamera.length > 0 ? ofCamera : atStation, {
    firstTime: preview.firstTime,
    lastTime: preview.lastTime,
    serials: preview.cameras.map((c) => c.serialNumber),
    labels: preview.cameras.map((c) => c.userLabel),
  });
  return {
    ...base,
    ...times,
    locationID: location.locationID,
    locationName: location.locationName,
    deploymentID: suggestion?.deploymentID ?? null,
    problem: suggestion ? null : { key: 'sorted-no-deployment', values: { station: group.station, first: preview.firstTime ?? '?', last: preview.lastTime ?? '?' } },
  };
}

/** What importing a hand-sorted tree would do: stations and deployments matched, species folder names matched or to map. Nothing is written. */
export async function previewSorted(db: Db, checklist: Checklist, scan: SourceScan, layout?: SortedLayout): Promise<{ preview: SortedPreview; groups: SortedGroup[] }> {
  const chosen = layout ?? guessLayout(scan, (name) => matchFolder(db, checklist, name) !== null);
  const tree = sortedTree(scan, chosen);
  const deployments = listDeployments(db);
  const groups: SortedGroupPreview[] = [];
  for (const g of tree.groups) groups.push(await matchGroup(db, g, deployments));
  const counts = new Map<string, number>();
  for (const g of tree.groups) for (const name of g.speciesOf.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const folders = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, files]) => ({ name, files, match: matchFolder(db, checklist, name) }));
  return {
    preview: { source: scan.root, layout: chosen, files: scan.files.length, groups, folders, looseFiles: tree.looseFiles.length },
    groups: tree.groups,
  };
}
