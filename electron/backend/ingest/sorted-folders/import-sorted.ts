import path from 'node:path';
import type { FolderSpecies } from './folder-species.ts';
import { rememberFolder } from './folder-species.ts';
import { labelFromFolders } from './label-from-folders.ts';
import { previewSorted } from './preview-sorted.ts';
import type { SortedLayout } from './sorted-tree.ts';
import type { Db } from '../../library/db.ts';
import type { Checklist } from '../../review/checklist.ts';
import { ensureSpecies } from '../../review/species.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import type { ImportSummary } from '../contract.ts';
import type { Imports } from '../imports.ts';
import type { SourceScan } from '../scan-source.ts';

export interface SortedImported {
  source: string;
  layout: SortedLayout;
  /** One import per station (or camera) folder, in the order they ran. */
  imports: ImportSummary[];
  /** Media that got a species from their folder. */
  labelled: number;
  /** Station folders left where they are, with why (no station, no deployment). */
  skipped: { folder: string; says: Says }[];
}

export interface SortedRequest {
  layout?: SortedLayout | undefined;
  /** A person's choice for folder names the app could not match; remembered for next time. */
  folders: ({ name: string } & FolderSpecies)[];
  /** The language to name newly listed species in. */
  language: string;
}

/**
 * A tree sorted by hand the camtrapR way, imported station folder by station folder into the
 * deployments they match, one after the other; each file then gets the species of its folder.
 * Every folder name must be known before anything is copied.
 */
export async function importSorted(db: Db, checklist: Checklist, imports: Pick<Imports, 'launch'>, scan: SourceScan, request: SortedRequest): Promise<SortedImported> {
  const { preview, groups } = await previewSorted(db, checklist, scan, request.layout);
  const chosen = new Map(request.folders.map((f) => [f.name, f]));
  const species = new Map<string, FolderSpecies>();
  const unmapped: string[] = [];
  for (const f of preview.folders) {
    const given = chosen.get(f.name);
    const what = given ? { scientificName: given.observationType === 'animal' ? given.scientificName : null, observationType: given.observationType } : f.match;
    if (!what || (what.observationType === 'animal' && !what.scientificName)) unmapped.push(f.name);
    else species.set(f.name, { scientificName: what.scientificName, observationType: what.observationType });
  }
  if (unmapped.length > 0) throw new StationError('invalid-input', 'sorted-folders-unmapped', { count: unmapped.length, names: unmapped.join(', ') });
  const ready = preview.groups.filter((g) => g.deploymentID !== null);
  if (ready.length === 0) throw new StationError('invalid-input', 'sorted-nothing-to-import', { source: path.basename(scan.root) });

  db.transaction(() => {
    for (const [name, what] of species) {
      if (what.scientificName) ensureSpecies(db, what.scientificName, request.language, checklist);
      if (chosen.has(name)) rememberFolder(db, name, what);
    }
  })();

  const summaries: ImportSummary[] = [];
  let labelled = 0;
  for (const g of ready) {
    const group = groups.find((x) => x.folder === g.folder);
    if (!group || !g.deploymentID) continue;
    const { importId, ended } = imports.launch(group.scan, g.deploymentID);
    const summary = await ended;
    summaries.push(summary);
    labelled += labelFromFolders(db, importId, group.speciesOf, species);
    if (summary.state !== 'done') break;
  }
  return {
    source: scan.root,
    layout: preview.layout,
    imports: summaries,
    labelled,
    skipped: preview.groups.flatMap((g) => (g.problem ? [{ folder: g.folder, says: g.problem }] : [])),
  };
}
