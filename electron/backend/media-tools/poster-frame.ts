import { inputArgs, runTool, type ToolRun } from './run-tool.ts';

/** Half a second in, past the black or overexposed first frame some cameras record while the sensor settles. */
const posterAtSeconds = 0.5;

function grab(file: string, atSeconds: number): Promise<ToolRun> {
  const seek = atSeconds > 0 ? ['-ss', String(atSeconds)] : [];
  return runTool('ffmpeg', ['-v', 'error', '-nostdin', ...seek, ...inputArgs(file), '-map', '0:v:0', '-frames:v', '1', '-an', '-sn', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '2', 'pipe:1'], {
    timeoutMs: 30_000,
    // A full-size 8K frame at high quality fits well within this.
    maxBytes: 64 * 1024 * 1024,
  });
}

/**
 * One frame of a video as a full-size JPEG, for its thumbnail: half a second in, or the first
 * frame of a shorter video. Throws with ffmpeg's complaint when the video gives no frame.
 */
export async function posterFrame(file: string): Promise<Buffer> {
  const later = await grab(file, posterAtSeconds);
  if (later.ok && later.stdout.length > 0) return later.stdout;
  const first = await grab(file, 0);
  if (first.ok && first.stdout.length > 0) return first.stdout;
  throw new Error(first.ok ? 'the video gave no frame' : first.detail);
}
