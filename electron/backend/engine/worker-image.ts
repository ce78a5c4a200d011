import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type Docker from 'dockerode';
import { z } from 'zod';
import type { LoadProgress, WorkerImageInfo } from './contract.ts';
import { readImageArchive, type ArchiveFacts } from './image-archive.ts';
import { resourcePath } from '../bundle/resource-dir.ts';
import { StationError } from '../rpc/envelope.ts';
import { englishFor, type Says } from '../rpc/messages.ts';

/** image-manifest.json beside a worker image tarball: what it holds and how to check it. */
const imageManifestSchema = z.object({
  tag: z.string().regex(/^[a-z0-9][a-z0-9._/-]*:[\w.-]+$/),
  file: z.string().regex(/^[\w.-]+\.tar(\.gz|\.xz)?$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  /** The image ID (the digest of its config), checked in the archive and in the engine after loading. */
  id: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
});
export type ImageManifest = z.infer<typeof imageManifestSchema>;

/** A step of the load, in English for the command line and as its key for the renderer. */
function step(phase: LoadProgress['phase'], bytesDone: number, bytesTotal: number, says: Says): LoadProgress {
  return { phase, bytesDone, bytesTotal, detail: englishFor(says.key, says.values), says };
}

export function bundledImageDir(): string {
  return resourcePath('image');
}

/** The manifest of a tarball: image-manifest.json in its folder, naming that file. */
export function readImageManifest(tarball: string): ImageManifest {
  const file = path.join(path.dirname(tarball), 'image-manifest.json');
  if (!fs.existsSync(file)) throw new StationError('not-found', 'image-manifest-missing', { file: tarball });
  const parsed = imageManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new StationError('invalid-input', 'image-manifest-invalid', { file });
  if (parsed.data.file !== path.basename(tarball)) throw new StationError('invalid-input', 'image-manifest-other-file', { file, named: parsed.data.file, tarball: path.basename(tarball) });
  return parsed.data;
}

export function bundledTarball(): string | null {
  const dir = bundledImageDir();
  const manifestFile = path.join(dir, 'image-manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = readImageManifest(path.join(dir, (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { file: string }).file));
  const tarball = path.join(dir, manifest.file);
  return fs.existsSync(tarball) ? tarball : null;
}

export async function imageInfo(docker: Docker | null, tarball: string | null = bundledTarball()): Promise<WorkerImageInfo> {
  const manifest = tarball ? readImageManifest(tarball) : null;
  const tag = manifest?.tag ?? 'camtrap-worker:none';
  let loaded = false;
  if (docker && manifest) {
    loaded = await docker
      .getImage(tag)
      .inspect()
      .then(() => true)
      .catch(() => false);
  }
  return { tag, loaded, tarball, sha256: manifest?.sha256 ?? null, bytes: manifest?.bytes ?? null };
}

/**
 * What loading the archive would do, checked before the engine sees it: exactly one image, tagged
 * exactly as the manifest says (a load may otherwise add or overwrite other tags on the machine),
 * with the manifest's image ID when it names one. Returns the image ID to expect.
 */
function onlyImage(facts: ArchiveFacts, manifest: ImageManifest, tarball: string): string {
  const [entry, ...more] = facts.images;
  const tags = facts.images.flatMap((i) => i.repoTags);
  if (!entry || more.length > 0 || entry.repoTags.length !== 1 || entry.repoTags[0] !== manifest.tag || !entry.id) {
    const said = { file: path.basename(tarball), tag: manifest.tag };
    throw tags.length > 0 ? new StationError('invalid-input', 'image-would-load-others', { ...said, tags: tags.join(', ') }) : new StationError('invalid-input', 'image-would-load-unnamed', said);
  }
  if (manifest.id && manifest.id !== entry.id) throw new StationError('bad-checksum', 'image-not-as-named', { file: path.basename(tarball) });
  return entry.id;
}

/**
 * Loads a worker image into the engine from a tarball, never from a registry. The checksum is
 * checked first, so a damaged or foreign file is refused before the engine sees a byte. While the
 * engine is silent (it receives and decompresses), progress is our own byte count; then its layer events.
 */
export async function loadWorkerImage(docker: Docker, tarball: string, onProgress: (p: LoadProgress) => void): Promise<WorkerImageInfo> {
  const manifest = readImageManifest(tarball);
  const total = fs.statSync(tarball).size;
  let checked = 0;
  const facts = await readImageArchive(tarball, (n) => {
    checked += n;
    onProgress(step('checking', checked, total, { key: 'image-load-checking' }));
  });
  if (facts.sha256 !== manifest.sha256 || total !== manifest.bytes) {
    throw new StationError('bad-checksum', 'image-damaged', { file: path.basename(tarball), actual: facts.sha256.slice(0, 12), expected: manifest.sha256.slice(0, 12) });
  }
  const expected = onlyImage(facts, manifest, tarball);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      onProgress(step('sending', sent, total, { key: 'image-load-sending' }));
      callback(null, chunk);
    },
  });
  const response = (await docker.loadImage(fs.createReadStream(tarball).pipe(counter), { quiet: false })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      response,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (event: { status?: string; stream?: string; error?: string; progressDetail?: { current?: number; total?: number }; id?: string }) => {
        if (event.error) return reject(new StationError('internal', 'image-load-failed', { detail: event.error }));
        if (event.progressDetail?.total) {
          // The engine's own words ("Loading layer" and the layer's id) go in as they are.
          const detail = `${event.status ?? 'Loading'} ${event.id ?? ''}`.trim();
          onProgress(step('loading', event.progressDetail.current ?? 0, event.progressDetail.total, { key: 'image-load-loading', values: { detail } }));
        }
      },
    );
  });
  const loaded = (await docker.getImage(manifest.tag).inspect()) as { Id?: string };
  if (loaded.Id !== expected) throw new StationError('conflict', 'image-tag-taken', { tag: manifest.tag });
  onProgress(step('done', total, total, { key: 'image-load-done', values: { tag: manifest.tag } }));
  return imageInfo(docker, tarball);
}
