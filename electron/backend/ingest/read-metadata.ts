import exifr from 'exifr';
import { parseReconyxMakerNote } from './reconyx-maker-note.ts';

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
