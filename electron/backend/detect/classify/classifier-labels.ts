import fs from 'node:fs';
import path from 'node:path';
import { StationError } from '../../rpc/envelope.ts';

/** SpeciesNet's list has about 2,500 labels of well under 200 characters; these leave ample room. */
export const labelLimits = { bytes: 8 * 1024 * 1024, lines: 100_000, lineChars: 1000 } as const;

/** A label line in SpeciesNet's form: uuid;class;order;family;genus;species;common name. */
const labelParts = 7;

// eslint-disable-next-line no-control-regex -- a label is shown to people: control characters have no place in one
const controlCharacter = /[\x00-\x08\x0b-\x1f\x7f]/;

function readLimited(file: string, name: string): Buffer {
  const handle = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fs.fstatSync(handle);
    if (!stat.isFile()) throw new StationError('invalid-input', 'classifier-labels-not-text', { file: name });
    if (stat.size > labelLimits.bytes) throw new StationError('invalid-input', 'classifier-labels-too-big', { file: name });
    return fs.readFileSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * The label lines of a classifier package, one per model output, in order: read from a package
 * that came from outside, so anything that is not such a list is refused with a message saying
 * which line is wrong. Windows line endings and a byte-order mark are accepted.
 */
export function readClassifierLabels(file: string): string[] {
  const name = path.basename(file);
  let data: Buffer;
  try {
    data = readLimited(file, name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StationError('invalid-input', 'classifier-labels-missing', { file: name });
    if (code === 'ELOOP' || code === 'EISDIR') throw new StationError('invalid-input', 'classifier-labels-not-text', { file: name });
    throw err;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new StationError('invalid-input', 'classifier-labels-not-text', { file: name });
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new StationError('invalid-input', 'classifier-labels-empty', { file: name });
  // One label is no classifier: every picture would get it.
  if (lines.length === 1) throw new StationError('invalid-input', 'classifier-labels-too-few', { file: name });
  if (lines.length > labelLimits.lines) throw new StationError('invalid-input', 'classifier-labels-too-many', { file: name, labels: lines.length });
  lines.forEach((line, i) => {
    const parts = line.split(';');
    if (parts.length !== labelParts || parts[0]?.trim() === '' || line.length > labelLimits.lineChars || controlCharacter.test(line)) {
      throw new StationError('invalid-input', 'classifier-labels-bad-line', { file: name, line: i + 1 });
    }
  });
  return lines;
}

/** Labels that name a species (SpeciesNet's also has higher groups, blank, animal, human, vehicle). */
export function speciesLabelCount(labels: string[]): number {
  return labels.filter((line) => (line.split(';')[5] ?? '') !== '').length;
}
