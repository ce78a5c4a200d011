import fs from 'node:fs/promises';
import type { CameraSeen, ImportPreview } from './contract.ts';
import { outsideByDeployment, type DatedFile } from './outside-deployment.ts';
import { fileTime, readMetadata, readVideoMetadata, type MediaMetadata } from './read-metadata.ts';
import type { SourceFile, SourceScan } from './scan-source.ts';
import { suggestDeployment } from './suggest-deployment.ts';
import type { Db } from '../library/db.ts';
import { listDeployments } from '../library/deployments.ts';

/** Reading the EXIF of every file on a large card would keep the user waiting; a spread sample tells the same story. */
const maxSampled = 400;
/** Each video costs an ffprobe run (tens of milliseconds from a card): fewer are sampled. */
const maxVideosSampled = 100;
const headBytes = 128 * 1024;

async function readHead(file: SourceFile): Promise<Buffer | undefined> {
  try {
    const handle = await fs.open(file.absPath, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(headBytes, file.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function spreadSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)] as T);
}

function tallyCameras(metas: MediaMetadata[]): CameraSeen[] {
  const byKey = new Map<string, CameraSeen>();
  for (const m of metas) {
    if (!m.make && !m.model && !m.serialNumber) continue;
    const key = `${m.make}|${m.model}|${m.serialNumber}`;
    const seen = byKey.get(key) ?? { make: m.make ?? null, model: m.model ?? null, serialNumber: m.serialNumber ?? null, userLabel: m.userLabel ?? null, files: 0 };
    seen.files += 1;
    byKey.set(key, seen);
  }
  return [...byKey.values()].sort((a, b) => b.files - a.files);
}

export async function previewImport(db: Db, scan: SourceScan): Promise<ImportPreview> {
  const images = scan.files.filter((f) => f.kind.mediaType === 'image');
  const sample = spreadSample(images, maxSampled);
  const sampled = new Set(sample);
  const videosSampled = new Set(spreadSample(scan.files.filter((f) => f.kind.mediaType === 'video'), maxVideosSampled));
  const metas: MediaMetadata[] = [];
  const dated: DatedFile[] = [];
  for (const file of scan.files) {
    if (file.kind.mediaType === 'video') {
      // The time the import will record: the container's capture time, else the file time, which
      // stands in for the videos beyond the sample.
      if (!videosSampled.has(file)) {
        dated.push({ name: file.relPath, takenAt: fileTime(file.mtimeMs) });
        continue;
      }
      const meta = await readVideoMetadata(file.absPath, file.mtimeMs);
      metas.push(meta);
      dated.push({ name: file.relPath, takenAt: meta.takenAt });
      continue;
    }
    if (!sampled.has(file)) continue;
    const head = await readHead(file);
    if (!head || head.length === 0) continue;
    const meta = await readMetadata(head, file.mtimeMs);
    metas.push(meta);
    dated.push({ name: file.relPath, takenAt: meta.takenAt });
  }
  const times = metas.filter((m) => !m.timeFromFile).map((m) => m.takenAt).sort();
  const cameras = tallyCameras(metas);
  const firstTime = times[0] ?? null;
  const lastTime = times[times.length - 1] ?? null;
  // The suggestion must hold every file the import will date, videos and files without EXIF included.
  const allTimes = dated.map((f) => f.takenAt).sort();
  const deployments = listDeployments(db);
  return {
    source: scan.root,
    files: scan.files.length,
    images: images.length,
    videos: scan.files.length - images.length,
    otherFiles: scan.otherFiles,
    totalBytes: scan.totalBytes,
    firstTime,
    lastTime,
    sampled: sample.length < images.length,
    filesWithoutExifTime: metas.filter((m) => m.timeFromFile).length,
    cameras,
    suggestion: suggestDeployment(deployments, {
      firstTime: allTimes[0] ?? null,
      lastTime: allTimes[allTimes.length - 1] ?? null,
      serials: cameras.map((c) => c.serialNumber),
      labels: cameras.map((c) => c.userLabel),
    }),
    datesChecked: dated.length,
    outside: outsideByDeployment(dated, deployments),
  };
}
