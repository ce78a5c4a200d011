import { describe, expect, it } from 'vitest';
import type { SortedPreview } from '../../../../../electron/backend/ingest/contract.ts';
import { choicesFor, notReady } from '../../../../../renderer/pages/import/sorted-choices.ts';

const group = (folder: string, deploymentID: string | null) => ({ folder, station: folder, camera: null, files: 2, locationID: null, locationName: null, deploymentID, firstTime: null, lastTime: null, problem: null });

const preview: SortedPreview = {
  source: '/card',
  layout: 'station-species',
  files: 4,
  groups: [group('Wad', 'wad-2021'), group('Nowhere', null)],
  folders: [
    { name: 'Ardea_cinerea', files: 2, match: { scientificName: 'Ardea cinerea', observationType: 'animal', from: 'name' } },
    { name: 'big grey bird', files: 2, match: null },
  ],
  looseFiles: 0,
};

describe('what a sorted card still needs before it can be imported', () => {
  it('asks for the folder names nobody matched, then lets the import go', () => {
    expect(notReady(preview, {})).toEqual({ kind: 'unmapped', names: ['big grey bird'] });
    expect(notReady(preview, { 'big grey bird': { scientificName: null, vernacularName: null, observationType: 'unknown' } })).toBeNull();
  });

  it('needs a station folder with a deployment, and station folders at all', () => {
    const chosen = { 'big grey bird': { scientificName: null, vernacularName: null, observationType: 'blank' as const } };
    expect(notReady({ ...preview, groups: [group('Nowhere', null)] }, chosen)).toEqual({ kind: 'no-deployment' });
    expect(notReady({ ...preview, groups: [] }, chosen)).toEqual({ kind: 'no-station-folders' });
  });

  it('sends only the choices for this card, with a species only for animals', () => {
    const choices = {
      'big grey bird': { scientificName: 'Ardea cinerea', vernacularName: 'Grey heron', observationType: 'animal' as const },
      Ardea_cinerea: { scientificName: 'Ardea cinerea', vernacularName: null, observationType: 'human' as const },
      'another card': { scientificName: null, vernacularName: null, observationType: 'blank' as const },
    };
    expect(choicesFor(preview, choices)).toEqual([
      { name: 'Ardea_cinerea', scientificName: null, observationType: 'human' },
      { name: 'big grey bird', scientificName: 'Ardea cinerea', observationType: 'animal' },
    ]);
  });
});
