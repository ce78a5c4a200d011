import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';
import { sharedPath } from '../../support/shared.ts';

/** The development detector's real files from ../shared, as a package publisher would ship them. */
export function realPackageFiles(): Map<string, Buffer> {
  const from = sharedPath('models', 'nanodet-m-416');
  return new Map(['model.onnx', 'LICENSE', 'README.md'].map((name) => [name, fs.readFileSync(path.join(from, name))]));
}

/** The app's manifest for it, listing every file with its size and checksum. */
export function manifestFor(files: Map<string, Buffer>, changes: Record<string, unknown> = {}): Buffer {
  const manifest = JSON.parse(fs.readFileSync('resources/models/nanodet-m-416/manifest.json', 'utf8')) as Record<string, unknown>;
  const listed = [...files].map(([name, data]) => ({ name, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') }));
  return Buffer.from(JSON.stringify({ ...manifest, files: listed, ...changes }, null, 2));
}

export interface Entry {
  name: string;
  data?: Buffer;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

/** A whole package: manifest.json and the files, under a top folder when one is given. */
export function packageEntries(files = realPackageFiles(), top = '', manifest = manifestFor(files)): Entry[] {
  return [...(top ? [{ name: `${top}/`, type: 'directory' as const }] : []), { name: `${top}${top ? '/' : ''}manifest.json`, data: manifest }, ...[...files].map(([name, data]) => ({ name: `${top}${top ? '/' : ''}${name}`, data }))];
}

export function writeFolder(dir: string, entries: Entry[]): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const e of entries) {
    const file = path.join(dir, e.name);
    if (e.type === 'directory') fs.mkdirSync(file, { recursive: true });
    else if (e.type === 'symlink') fs.symlinkSync(e.linkname ?? '', file);
    else fs.writeFileSync(file, e.data ?? '');
  }
  return dir;
}

/** A tar (gzipped when asked) holding exactly these entries, names as given: hostile ones too. */
export async function tarOf(entries: Entry[], gzip: boolean): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.type === 'file' || !e.type) pack.entry({ name: e.name, size: e.data?.length ?? 0 }, e.data ?? Buffer.alloc(0));
    else pack.entry({ name: e.name, type: e.type, linkname: e.linkname ?? '' });
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const whole = Buffer.concat(chunks);
  return gzip ? zlib.gzipSync(whole) : whole;
}

/** A zip of these entries; a symlink is a file whose Unix mode says link, as zip tools write it. */
export async function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.type === 'directory') zip.addEmptyDirectory(e.name);
    else if (e.type === 'symlink') zip.addBuffer(Buffer.from(e.linkname ?? ''), e.name, { mode: 0o120777 });
    else zip.addBuffer(e.data ?? Buffer.alloc(0), e.name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
