import fs from 'node:fs';
import path from 'node:path';
import { cameraTrapImages, heronMedia } from './shared.ts';

/** A fixture file copied to a path below root, its folders made. */
export function putFile(root: string, from: string, ...to: string[]): void {
  fs.mkdirSync(path.join(root, ...to.slice(0, -1)), { recursive: true });
  fs.copyFileSync(from, path.join(root, ...to));
}

export const heronPicture = (n: number): string => path.join(heronMedia(), fs.readdirSync(heronMedia()).find((f) => f.includes(`RCNX00${n}`)) as string);

/**
 * Herons of station Wad sorted by hand the camtrapR way: six in Ardea_cinerea (one in an
 * individual's folder), two in UNID, two in a folder nobody named a species; and a station the
 * library does not have.
 */
export function sortedHeronCard(root: string): string {
  for (const n of [31, 32, 33, 34, 35]) putFile(root, heronPicture(n), 'Wad', 'Ardea_cinerea', `RCNX00${n}.JPG`);
  putFile(root, heronPicture(36), 'Wad', 'Ardea_cinerea', 'ind01', 'RCNX0036.JPG');
  for (const n of [37, 38]) putFile(root, heronPicture(n), 'Wad', 'UNID', `RCNX00${n}.JPG`);
  for (const n of [39, 40]) putFile(root, heronPicture(n), 'Wad', 'big grey bird', `RCNX00${n}.JPG`);
  putFile(root, path.join(cameraTrapImages(), 'blank2.jpg'), 'Nowhere', 'Vulpes_vulpes', 'blank2.jpg');
  return root;
}
