import crypto from 'node:crypto';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';

/** The manifest.json that `docker save` writes into its archive: one entry per image. */
const savedManifestSchema = z.array(z.object({ Config: z.string(), RepoTags: z.array(z.string()).nullable().optional(), Layers: z.array(z.string()) }));

export interface ArchiveFacts {
  sha256: string;
  /** What `docker load` would do with it: the tags it would set, and the image ID of each entry. */
  images: { repoTags: string[]; id: string }[];
}

/** An image's ID is the digest of its config file, which the archive names "blobs/sha256/<hex>" or "<hex>.json". */
function idOf(config: string): string {
  const hex = /([0-9a-f]{64})(\.json)?$/.exec(config)?.[1];
  return hex ? `sha256:${hex}` : '';
}

/**
 * Reads a worker image archive once: its SHA-256 over the file's bytes, and, through the
 * decompressed tar, the manifest `docker load` follows, so what it would tag is known before the
 * engine sees a byte.
 */
export async function readImageArchive(file: string, onBytes: (n: number) => void): Promise<ArchiveFacts> {
  const hash = crypto.createHash('sha256');
  const extract = tar.extract();
  let manifest: unknown = null;
  extract.on('entry', (header, stream, next) => {
    if (header.name !== 'manifest.json' || (header.size ?? 0) > 1024 * 1024) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => parts.push(c));
    stream.on('end', () => {
      try {
        manifest = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } catch {
        manifest = null;
      }
      next();
    });
  });
  const counter = new PassThrough();
  counter.on('data', (c: Buffer) => {
    hash.update(c);
    onBytes(c.length);
  });
  // An .xz archive is hashed but not looked into (Node has no xz decoder): it lists no images, and is refused.
  const source = fs.createReadStream(file, { highWaterMark: 4 << 20 });
  const read = file.endsWith('.xz') ? pipeline(source, counter) : file.endsWith('.gz') ? pipeline(source, counter, zlib.createGunzip(), extract) : pipeline(source, counter, extract);
  // A damaged archive stops the reading early: its checksum then differs, which is what is reported.
  await read.catch(() => undefined);
  const parsed = savedManifestSchema.safeParse(manifest);
  return { sha256: hash.digest('hex'), images: parsed.success ? parsed.data.map((m) => ({ repoTags: m.RepoTags ?? [], id: idOf(m.Config) })) : [] };
}
