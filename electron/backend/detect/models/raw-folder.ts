import fs from 'node:fs';
import path from 'node:path';
import { StationError } from '../../rpc/envelope.ts';

/**
 * Where an archive is unpacked before it is checked. A package may sit at the archive's root or
 * in one folder; that folder gets a name of ours ('#' is in no package file name), never the
 * archive's.
 */
export class RawFolder {
  private readonly tops = new Map<string, string>();
  constructor(readonly dir: string) {}

  async target(place: string[]): Promise<string> {
    const [first, second] = place as [string, string | undefined];
    if (second === undefined) return path.join(this.dir, first);
    let top = this.tops.get(first);
    if (!top) {
      top = path.join(this.dir, `top#${this.tops.size}`);
      this.tops.set(first, top);
      await fs.promises.mkdir(top);
    }
    return path.join(top, second);
  }

  /** The folder holding manifest.json: the root, or the one folder that holds it. */
  packageRoot(archive: string): string {
    const candidates = [this.dir, ...this.tops.values()].filter((d) => fs.existsSync(path.join(d, 'manifest.json')));
    if (candidates.includes(this.dir)) return this.dir;
    if (candidates.length === 1) return candidates[0] as string;
    throw new StationError('invalid-input', 'model-package-no-manifest', { name: archive });
  }
}
