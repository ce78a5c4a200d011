import exifr from 'exifr';
import { parseReconyxMakerNote } from './reconyx-maker-note.ts';
import { videoCutShort } from './video-cut-short.ts';
import { probeVideo, VideoProbeError } from '../media-tools/probe-video.ts';

export interface MediaMetadata {
  /** Wall-clock time of capture, YYYY-MM-DD HH:MM:SS(.sss), from EXIF or else from the file time. */
  takenAt: string;
  timeFromFile: boolean;
  make?: string;
  model?: string;
  serialNumber?: string;
  userLabel?: string;
  latitude?: number;
  longitude?: number;
  orientation?: number;
  width?: number;
  height?: number;
  /** The EXIF fields kept for export (Camtrap DP exifData), without binary blobs. */
  exif?: Record<string, string | number>;
  durationS?: number;
  frameRate?: number;
  frameCount?: number;
  videoCodec?: string;
  /** A video ffprobe could not read (damaged, cut off), one it read whose end is missing, or one not measured for want of ffprobe. */
  videoProblem?: 'unreadable' | 'cut-off' | 'no-tool';
}

const exifDate = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function exifTime(value: unknown, subSeconds: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = exifDate.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  if (y === '0000' || mo === '00') return undefined;
  const sub = typeof subSeconds === 'string' || typeof subSeconds === 'number' ? String(subSeconds).replace(/\D/g, '').slice(0, 3) : '';
  const base = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  return sub && Number(sub) > 0 ? `${base}.${sub.padEnd(3, '0')}` : base;
}

/** The file's modification time as the local wall clock of this machine, the best guess a card gives. */
export function fileTime(mtimeMs: number): string {
  const t = new Date(mtimeMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\0+$/, '').trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const keptExif = ['Make', 'Model', 'DateTimeOriginal', 'SubSecTimeOriginal', 'OffsetTimeOriginal', 'ExposureTime', 'ISO', 'Flash', 'ExifImageWidth', 'ExifImageHeight', 'Orientation', 'BodySerialNumber', 'SerialNumber'];

/**
 * Reads what the app needs from the first bytes of a file (EXIF lives in the first 64 KB of a
 * JPEG), so the file is still read only once, by the copy.
 */
export async function readMetadata(head: Buffer, mtimeMs: number): Promise<MediaMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(head, { makerNote: true, gps: true, xmp: false, icc: false, iptc: false, mergeOutput: true, reviveValues: false })) as Record<string, unknown> | undefined;
  } catch {
    tags = undefined;
  }
  const takenAt = tags ? exifTime(tags.DateTimeOriginal, tags.SubSecTimeOriginal) ?? exifTime(tags.CreateDate, tags.SubSecTimeDigitized) : undefined;
  const meta: MediaMetadata = { takenAt: takenAt ?? fileTime(mtimeMs), timeFromFile: takenAt === undefined };
  if (!tags) return meta;

  const reconyx = tags.makerNote instanceof Uint8Array ? parseReconyxMakerNote(tags.makerNote) : undefined;
  meta.make = text(tags.Make);
  meta.model = text(tags.Model);
  meta.serialNumber = reconyx?.serialNumber ?? text(tags.BodySerialNumber) ?? text(tags.SerialNumber) ?? text(tags.CameraSerialNumber);
  meta.userLabel = reconyx?.userLabel;
  meta.orientation = num(tags.Orientation);
  meta.width = num(tags.ExifImageWidth) ?? num(tags.ImageWidth);
  meta.height = num(tags.ExifImageHeight) ?? num(tags.ImageHeight);
  const lat = num(tags.latitude);
  const lon = num(tags.longitude);
  if (lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0)) {
    meta.latitude = lat;
    meta.longitude = lon;
  }
  const exif: Record<string, string | number> = {};
  for (const key of keptExif) {
    const v = tags[key];
    if (typeof v === 'string' || typeof v === 'number') exif[key] = v;
  }
  if (reconyx?.serialNumber) exif.SerialNumber = reconyx.serialNumber;
  if (reconyx?.userLabel) exif.UserLabel = reconyx.userLabel;
  if (reconyx?.sequence) exif.Sequence = `${reconyx.sequence.index} of ${reconyx.sequence.of}`;
  meta.exif = exif;
  return meta;
}

/**
 * What ffprobe reads from a video: its length, frame rate, size and codec, and the capture time
 * from the container's tags, else the file time. A video it cannot read keeps the file time and
 * says why, as does one cut short, so that the import keeps the file and warns.
 */
export async function readVideoMetadata(file: string, mtimeMs: number): Promise<MediaMetadata> {
  try {
    const v = await probeVideo(file);
    const meta: MediaMetadata = { takenAt: v.takenAt ?? fileTime(mtimeMs), timeFromFile: v.takenAt === null };
    if (v.make !== null) meta.make = v.make;
    if (v.model !== null) meta.model = v.model;
    if (v.width !== null) meta.width = v.width;
    if (v.height !== null) meta.height = v.height;
    if (v.durationS !== null) meta.durationS = v.durationS;
    if (v.frameRate !== null) meta.frameRate = v.frameRate;
    if (v.frameCount !== null) meta.frameCount = v.frameCount;
    if (v.codec !== null) meta.videoCodec = v.codec;
    if (await videoCutShort(file).catch(() => false)) meta.videoProblem = 'cut-off';
    return meta;
  } catch (err) {
    if (!(err instanceof VideoProbeError)) throw err;
    return { takenAt: fileTime(mtimeMs), timeFromFile: true, videoProblem: err.reason };
  }
}
