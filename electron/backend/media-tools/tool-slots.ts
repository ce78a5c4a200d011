import os from 'node:os';

const slots = Math.max(2, os.availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs fn when one of a few slots is free. A grid page of 200 videos asks for 200 posters at
 * once, an import measures 16 videos at once: one ffmpeg or ffprobe per core is as fast, and
 * keeps the computer usable.
 */
export async function inToolSlot<T>(fn: () => Promise<T>): Promise<T> {
  // A finished run hands its slot straight to the next in line, so no newcomer slips in between.
  if (running < slots) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
