import type { SortedPreview } from '../../../electron/backend/ingest/contract.ts';

export type FolderKind = 'animal' | 'human' | 'vehicle' | 'unknown' | 'blank';

/** What a person said a species folder holds; the common name only to show it. */
export interface FolderChoice {
  scientificName: string | null;
  vernacularName: string | null;
  observationType: FolderKind;
}

/** What a folder holds for the import: the person's choice, else what the app matched; null while nobody knows. */
export interface FolderHolds {
  scientificName: string | null;
  observationType: FolderKind;
  from: 'chosen' | 'remembered' | 'name' | 'word';
}

export function holdsOf(folder: SortedPreview['folders'][number], choices: Record<string, FolderChoice>): FolderHolds | null {
  const chosen = choices[folder.name];
  if (chosen) return { scientificName: chosen.scientificName, observationType: chosen.observationType, from: 'chosen' };
  return folder.match;
}

/** Why the import cannot start yet, or null when it can. */
export type NotReady = { kind: 'no-station-folders' } | { kind: 'unmapped'; names: string[] } | { kind: 'no-deployment' } | null;

export function notReady(preview: SortedPreview, choices: Record<string, FolderChoice>): NotReady {
  if (preview.groups.length === 0) return { kind: 'no-station-folders' };
  const names = preview.folders.filter((f) => holdsOf(f, choices) === null).map((f) => f.name);
  if (names.length > 0) return { kind: 'unmapped', names };
  if (!preview.groups.some((g) => g.deploymentID !== null)) return { kind: 'no-deployment' };
  return null;
}

/** The person's choices as ingest.importSorted takes them: only for folders of this card. */
export function choicesFor(preview: SortedPreview, choices: Record<string, FolderChoice>): { name: string; scientificName: string | null; observationType: FolderKind }[] {
  return preview.folders.flatMap((f) => {
    const c = choices[f.name];
    return c ? [{ name: f.name, scientificName: c.observationType === 'animal' ? c.scientificName : null, observationType: c.observationType }] : [];
  });
}
