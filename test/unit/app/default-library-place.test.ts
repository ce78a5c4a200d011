import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLibraryPlace } from '../../../electron/backend/app/default-library-place.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('where a first library goes with one click', () => {
  it('goes into Documents when there is one, else into home, and opens what is already there', () => {
    const home = tempDir();
    expect(defaultLibraryPlace(home)).toEqual({ path: path.join(home, 'Camtrap Station'), isLibrary: false });
    fs.mkdirSync(path.join(home, 'Documents'));
    expect(defaultLibraryPlace(home)).toEqual({ path: path.join(home, 'Documents', 'Camtrap Station'), isLibrary: false });
    fs.mkdirSync(path.join(home, 'Documents', 'Camtrap Station'));
    fs.writeFileSync(path.join(home, 'Documents', 'Camtrap Station', 'library.sqlite'), '');
    expect(defaultLibraryPlace(home)).toEqual({ path: path.join(home, 'Documents', 'Camtrap Station'), isLibrary: true });
  });

  it('leaves a folder of that name used for other things alone', () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, 'Camtrap Station'));
    fs.writeFileSync(path.join(home, 'Camtrap Station', 'notes.txt'), 'mine');
    expect(defaultLibraryPlace(home)).toEqual({ path: path.join(home, 'Camtrap Station 2'), isLibrary: false });
  });
});
