import { z } from 'zod';
import { inputArgs, runTool } from './run-tool.ts';

export interface VideoFacts {
  durationS: number | null;
  /** Frames per second, 29.97 for 30000/1001. */
  frameRate: number | null;
  /** As the file's header counts them; many containers do not say. */
  frameCount: number | null;
  width: number | null;
  height: number | null;
  codec: string | null;
  /** Wall-clock capture time as the camera wrote it, YYYY-MM-DD HH:MM:SS(.sss); null when the file has none. */
  takenAt: string | null;
  make: string | null;
  model: string | null;
}

/** Why a video has no facts: no ffprobe on this computer, or a file it cannot make sense of; the message is ffprobe's complaint. */
export class VideoProbeError extends Error {
  constructor(
    readonly reason: 'no-tool' | 'unreadable',
    detail: string,
  ) {
    super(detail);
    this.name = 'VideoProbeError';
  }
}

// What ffprobe prints comes from the file: any field may be missing, of another type or absurd,
// and a bad field is dropped rather than the whole answer.
const shortText = z.string().max(200).optional().catch(undefined);
const tags = z.record(z.string().max(200), z.unknown()).optional().catch(undefined);
const pixels = z.number().int().positive().max(100_000).optional().catch(undefined);
const stream = z.object({
  codec_type: shortText,
  codec_name: shortText,
  width: pixels,
  height: pixels,
  avg_frame_rate: shortText,
  r_frame_rate: shortText,
  nb_frames: shortText,
  duration: shortText,
  disposition: z.object({ attached_pic: z.number().optional().catch(undefined) }).optional().catch(undefined),
  tags,
});
const probeOutput = z.object({
  streams: z.array(stream).max(100).optional().catch(undefined),
  format: z.object({ duration: shortText, tags }).optional().catch(undefined),
});
type Stream = z.infer<typeof stream>;
type Tags = Record<string, unknown> | undefined;

function positive(value: string | undefined, max: number): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 && n <= max ? n : null;
}

/** "30000/1001" as 29.97...; "0/0", which ffprobe gives when it does not know, as null. */
function rate(value: string | undefined): number | null {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(value ?? '');
  if (!m) return positive(value, 10_000);
  const n = Number(m[1]) / Number(m[2]);
  return Number.isFinite(n) && n > 0 && n <= 10_000 ? n : null;
}

// 2021-04-11T20:43:09.000000Z, 2021-04-11T22:43:09+0200, 2021-04-11 20:43:09, 2021:04:11 20:43:09.
const stamp = /^(\d{4})[-:](\d{2})[-:](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time tag as the wall clock it shows. Trail cameras have no time zone and most write their
 * local clock where QuickTime asks for UTC (ExifTool reads them the same way); a phone's
 * creationdate carries its offset after the local time. Either way the digits as written are
 * the camera's clock, which is what the library keeps for pictures too.
 */
function wallClock(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = stamp.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  // A camera whose clock was never set writes its epoch (1904, 1970, 2000-01-01 on some).
  const valid = Number(y) >= 1990 && Number(y) <= 2100 && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 && Number(h) < 24 && Number(mi) < 60 && Number(s) < 61;
  if (!valid) return null;
  const base = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const ms = (frac ?? '').slice(0, 3);
  return ms && Number(ms) > 0 ? `${base}.${ms.padEnd(3, '0')}` : base;
}

/** The first of these tags that holds a usable time, in the order they are trusted. */
function captureTime(format: Tags, video: Stream | undefined): string | null {
  const candidates = [format?.['com.apple.quicktime.creationdate'], format?.creation_time, format?.date, video?.tags?.creation_time];
  for (const c of candidates) {
    const t = wallClock(c);
    if (t) return t;
  }
  return null;
}

function tagText(t: Tags, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = t?.[key];
    // Control characters would reach the database, the log and the screen: they go.
    if (typeof v === 'string' && v.trim()) return v.replace(/\p{Cc}/gu, ' ').trim().slice(0, 100);
  }
  return null;
}

/** Reads what ffprobe says about a video; throws a VideoProbeError for a damaged file, or one ffprobe cannot parse. */
export async function probeVideo(file: string): Promise<VideoFacts> {
  const run = await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...inputArgs(file)], { timeoutMs: 20_000, maxBytes: 4 * 1024 * 1024 });
  if (!run.ok) throw new VideoProbeError(run.reason === 'no-tool' ? 'no-tool' : 'unreadable', run.detail);
  let json: unknown;
  try {
    json = JSON.parse(run.stdout.toString('utf8'));
  } catch {
    throw new VideoProbeError('unreadable', 'ffprobe gave no readable answer');
  }
  const parsed = probeOutput.safeParse(json);
  if (!parsed.success) throw new VideoProbeError('unreadable', 'ffprobe gave no readable answer');
  const { streams = [], format } = parsed.data;
  // A cover picture stored beside the film is a "video" stream too; the film is the other one.
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!video) throw new VideoProbeError('unreadable', 'no picture track found');
  const frameCount = positive(video.nb_frames, 1e9);
  return {
    durationS: positive(format?.duration, 1e7) ?? positive(video.duration, 1e7),
    frameRate: rate(video.avg_frame_rate) ?? rate(video.r_frame_rate),
    frameCount: frameCount === null ? null : Math.round(frameCount),
    width: video.width ?? null,
    height: video.height ?? null,
    codec: video.codec_name?.replace(/[^\w.-]/g, '').slice(0, 32) || null,
    takenAt: captureTime(format?.tags, video),
    make: tagText(format?.tags, 'com.apple.quicktime.make', 'make'),
    model: tagText(format?.tags, 'com.apple.quicktime.model', 'model'),
  };
}
