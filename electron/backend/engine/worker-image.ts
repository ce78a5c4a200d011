import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { z } from 'zod';
import type { LoadProgress, WorkerImageInfo } from './contract.ts';
import { readImageArchive, type ArchiveFacts } from './image-archive.ts';
import { StationError } from '../rpc/envelope.ts';

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

export function bundledImageDir(): string {
  return process.env.CAMTRAP_RESOURCES_DIR ? path.join(process.env.CAMTRAP_RESOURCES_DIR, 'image') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/image');
}

/** The manifest of a tarball: image-manifest.json in its folder, naming that file. */
export function readImageManifest(tarball: string): ImageManifest {
  const file = path.join(path.dirname(tarball), 'image-manifest.json');
  if (!fs.existsSync(file)) throw new StationError('not-found', `There is no image-manifest.json beside ${tarball}: it says which image the file holds and its checksum.`);
  const parsed = imageManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new StationError('invalid-input', `${file} is not a worker image manifest.`);
  if (parsed.data.file !== path.basename(tarball)) throw new StationError('invalid-input', `${file} describes ${parsed.data.file}, not ${path.basename(tarball)}.`);
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
    throw new StationError(
      'invalid-input',
      `The image file ${path.basename(tarball)} would load ${tags.length > 0 ? tags.join(', ') : 'images without a name'} instead of only ${manifest.tag}, so it was not loaded. Use the worker image file that came with Camtrap Station.`,
    );
  }
  if (manifest.id && manifest.id !== entry.id) throw new StationError('bad-checksum', `The image in ${path.basename(tarball)} is not the one its manifest names. Nothing was loaded.`);
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
    onProgress({ phase: 'checking', bytesDone: checked, bytesTotal: total, detail: 'Checking the image file' });
  });
  if (facts.sha256 !== manifest.sha256 || total !== manifest.bytes) {
    throw new StationError('bad-checksum', `The image file ${path.basename(tarball)} is damaged or not the one its manifest describes (checksum ${facts.sha256.slice(0, 12)}…, expected ${manifest.sha256.slice(0, 12)}…). Nothing was loaded. Copy the file again.`);
  }
  const expected = onlyImage(facts, manifest, tarball);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      onProgress({ phase: 'sending', bytesDone: sent, bytesTotal: total, detail: 'Handing the image to the engine' });
      callback(null, chunk);
    },
  });
  const response = (await docker.loadImage(fs.createReadStream(tarball).pipe(counter), { quiet: false })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      response,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (event: { status?: string; stream?: string; error?: string; progressDetail?: { current?: number; total?: number }; id?: string }) => {
        if (event.error) return reject(new StationError('internal', `The engine could not load the image: ${event.error}`));
        if (event.progressDetail?.total) {
          onProgress({ phase: 'loading', bytesDone: event.progressDetail.current ?? 0, bytesTotal: event.progressDetail.total, detail: `${event.status ?? 'Loading'} ${event.id ?? ''}`.trim() });
        }
      },
    );
  });
  const loaded = (await docker.getImage(manifest.tag).inspect()) as { Id?: string };
  if (loaded.Id !== expected) throw new StationError('conflict', `After loading, the engine holds another image under ${manifest.tag} than the file describes. Remove that image from Docker and load the file again.`);
  onProgress({ phase: 'done', bytesDone: total, bytesTotal: total, detail: `Loaded ${manifest.tag}` });
  return imageInfo(docker, tarball);
}
