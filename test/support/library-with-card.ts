import path from 'node:path';
import { testBackend } from './backend.ts';
import { importAndWait } from './import-and-wait.ts';
import { libraryWithDeployment } from './library-with-deployment.ts';
import { makeCard } from './make-card.ts';
import { tempDir } from './temp-dir.ts';

/** A library whose deployment dep1 holds `images` distinct full-size pictures, imported from a made-up card. */
export async function libraryWithCard(images: number) {
  const work = tempDir();
  makeCard(path.join(work, 'card'), images);
  const t = testBackend();
  const library = path.join(work, 'library');
  await libraryWithDeployment(t, library);
  await importAndWait(t, path.join(work, 'card'), 'dep1');
  return { t, work, library };
}
