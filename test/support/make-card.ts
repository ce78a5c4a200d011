import fs from 'node:fs';
import path from 'node:path';
import { heronMedia } from './shared.ts';

/**
 * A card folder of `count` distinct full-size JPEGs made from the heron fixtures: each copy gets
 * a few bytes after the JPEG's end marker, which viewers ignore and which make its hash unique.
 */
export function makeCard(dir: string, count: number, sources: string[] = fs.readdirSync(heronMedia()).map((n) => path.join(heronMedia(), n))): string[] {
  const dcim = path.join(dir, 'DCIM', '100RECNX');
  fs.mkdirSync(dcim, { recursive: true });
  const made: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = sources[i % sources.length] as string;
    const file = path.join(dcim, `RCNX${String(i + 1).padStart(4, '0')}.JPG`);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(source), Buffer.from(`camtrap-test-copy-${i}`)]));
    made.push(file);
  }
  return made;
}
