import { installLimits } from './install-limits.ts';
import { StationError } from '../../rpc/envelope.ts';

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

const plainName = /^[\w][\w.-]*$/;

/**
 * Where an archive entry goes, as [name] or [top folder, name], or null when it is not needed
 * (folders, hidden files, anything deeper). An entry that points outside the package, a link or a
 * device refuses the whole archive: a package that holds one was not made by a model's publisher.
 */
export function placeOfEntry(archive: string, name: string, kind: EntryKind): string[] | null {
  const entry = name.slice(0, 200);
  const parts = name.split('/');
  if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..')) {
    throw new StationError('invalid-input', 'model-package-unsafe-entry', { name: archive, entry });
  }
  if (kind === 'link') throw new StationError('invalid-input', 'model-package-link', { name: archive, entry });
  if (kind === 'other') throw new StationError('invalid-input', 'model-package-odd-entry', { name: archive, entry });
  const place = parts.filter((p) => p !== '' && p !== '.');
  if (kind === 'directory' || place.length === 0 || place.length > 2) return null;
  if (place.some((p) => p.startsWith('.') || p === '__MACOSX') || !plainName.test(place[place.length - 1] as string)) return null;
  return place;
}

/** Counts what an archive holds, refusing it once it holds more than a model package can. */
export class EntryBudget {
  private entries = 0;
  private bytes = 0;
  constructor(private readonly archive: string) {}

  tooBig(): StationError {
    return new StationError('invalid-input', 'model-package-too-big', { name: this.archive });
  }

  add(size: number): void {
    this.entries += 1;
    this.bytes += size;
    if (this.entries > installLimits.archiveEntries) throw new StationError('invalid-input', 'model-package-too-many-entries', { name: this.archive });
    if (size > installLimits.fileBytes || this.bytes > installLimits.totalBytes) throw this.tooBig();
  }
}
