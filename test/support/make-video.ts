import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolPath } from '../../electron/backend/media-tools/ffmpeg-binaries.ts';

export interface VideoRecipe {
  /** Pictures, in order, one frame each (the heron card's JPEGs, say). */
  frames: string[];
  fps: number;
  /** H.264 as recent cameras write it (MP4, MOV), or Motion JPEG as older ones do (AVI). */
  codec: 'h264' | 'mjpeg';
  /** The container's creation_time, as ffmpeg takes it: "2021-04-11T20:43:20Z" (an AVI's date). */
  creationTime?: string;
  /** Scaled to this width (the height follows, even), for small fast files; else the pictures' size. */
  width?: number;
  /** More container tags: a phone's "com.apple.quicktime.creationdate" in a MOV or MP4, an AVI's "date". */
  tags?: Record<string, string>;
}

/**
 * Makes a video from still pictures with the machine's ffmpeg (Debian's in development and CI),
 * in the container its extension names: .mp4, .mov or .avi. Returns the file.
 */
export function makeVideo(file: string, recipe: VideoRecipe): string {
  // The machine's own ffmpeg even where a test points the app at another with CAMTRAP_FFMPEG.
  const ffmpeg = toolPath('ffmpeg', {});
  if (!ffmpeg) throw new Error('these tests make their videos with ffmpeg: install it (apt-get install ffmpeg)');
  if (recipe.frames.length === 0) throw new Error('a video needs at least one frame');
  const framesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'camtrap-frames-'));
  try {
    // The image2 reader wants numbered names: links to the pictures, which may be named anything.
    recipe.frames.forEach((frame, i) => fs.symlinkSync(path.resolve(frame), path.join(framesDir, `frame-${String(i).padStart(5, '0')}${path.extname(frame)}`)));
    const pattern = path.join(framesDir, `frame-%05d${path.extname(recipe.frames[0] as string)}`);
    const encode = recipe.codec === 'h264' ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] : ['-c:v', 'mjpeg', '-q:v', '4', '-pix_fmt', 'yuvj420p'];
    const quickTime = /\.(mp4|mov)$/i.test(file);
    // ffmpeg writes no creation_time into an AVI: the time goes in its INFO date (ICRD), which ffprobe reads back as "date".
    const tags = { ...(recipe.creationTime ? { [quickTime ? 'creation_time' : 'date']: recipe.creationTime } : {}), ...recipe.tags };
    const args = [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-framerate', String(recipe.fps), '-i', pattern],
      ...(recipe.width ? ['-vf', `scale=${recipe.width}:-2`] : []),
      ...encode,
      ...Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
      // Keys such as com.apple.quicktime.creationdate are written only when asked for.
      ...(quickTime && recipe.tags ? ['-movflags', 'use_metadata_tags'] : []),
      file,
    ];
    const made = spawnSync(ffmpeg, args, { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`ffmpeg could not make ${file}: ${made.stderr}`);
    return file;
  } finally {
    fs.rmSync(framesDir, { recursive: true, force: true });
  }
}

/**
 * A copy cut short, as a card pulled while the camera wrote: the first part of the file only
 * (an MP4 loses its index, which ffmpeg writes at the end). Returns the copy.
 */
export function truncatedCopy(src: string, dst: string, keep = 0.6): string {
  const bytes = fs.readFileSync(src);
  fs.writeFileSync(dst, bytes.subarray(0, Math.floor(bytes.length * keep)));
  return dst;
}
