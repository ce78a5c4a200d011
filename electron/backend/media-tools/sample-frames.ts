import { spawn } from 'node:child_process';
import { toolPath } from './ffmpeg-binaries.ts';

export interface SampledFrame {
  /** The frame's number among the file's own frames, from 0. */
  frame: number;
  /** rgb24 pixels, width x height. */
  data: Buffer;
}

export interface Sampling {
  /** Every how many frames one is taken: 0, every, 2 x every... */
  every: number;
  /** The size frames come out at (ffmpeg scales them, bilinear). */
  width: number;
  height: number;
}

export interface SampledVideo {
  frames: AsyncGenerator<SampledFrame>;
  /** Once the frames are all read: ffmpeg's complaint when it stopped on an error, else null. */
  ended(): Promise<string | null>;
}

/**
 * Frames 0, every, 2 x every... of a video, decoded by ffmpeg and scaled, read from its output
 * as they come: the decoder runs ahead of whoever reads them, in a process of its own, and
 * nothing is written to disk. Frame numbers follow from the selection, as MegaDetector counts
 * them; a file cut short gives the frames before the cut, then the error. (-vsync 0 rather than
 * -fps_mode: the ffmpeg shipped in the npm package is 4.1.)
 */
/** ffmpeg's complaint without its "[mov,mp4,... @ 0x...]" prefixes and without the file's path: what a person can read. */
export function plainComplaint(stderr: string, file: string): string {
  return stderr
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '').replaceAll(`file:${file}`, 'the file').replaceAll(file, 'the file').trim())
    .filter(Boolean)
    .join('; ')
    .slice(0, 500);
}

export function sampleFrames(file: string, { every, width, height }: Sampling): SampledVideo {
  const ffmpeg = toolPath('ffmpeg');
  if (!ffmpeg) throw new Error('ffmpeg is not installed');
  const child = spawn(
    ffmpeg,
    // 0:V:0, not 0:v:0: the first video stream that is not a cover picture.
    ['-v', 'error', '-nostdin', '-i', file, '-map', '0:V:0', '-an', '-sn', '-vf', `select=not(mod(n\\,${every})),scale=${width}:${height}:flags=bilinear`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exit = new Promise<string | null>((resolve) => {
    child.on('error', (err) => resolve(err.message));
    // ffmpeg may complain of a damaged stream and still end with 0: at -v error any complaint counts.
    child.on('close', (code, signal) => resolve(plainComplaint(stderr, file) || (code === 0 ? null : `ffmpeg ended with ${signal ?? `code ${code}`}`)));
  });
  const frameBytes = width * height * 3;
  async function* frames(): AsyncGenerator<SampledFrame> {
    let pending: Buffer[] = [];
    let have = 0;
    let index = 0;
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        pending.push(chunk);
        have += chunk.length;
        while (have >= frameBytes) {
          const all = Buffer.concat(pending);
          yield { frame: index * every, data: all.subarray(0, frameBytes) };
          index += 1;
          pending = [all.subarray(frameBytes)];
          have -= frameBytes;
        }
      }
    } finally {
      if (child.exitCode === null) child.kill();
    }
  }
  return { frames: frames(), ended: () => exit };
}
