import { z } from 'zod';
import type { MessageKey } from './messages.ts';
import { saying } from './saying.ts';

/** Absolute on Linux and macOS (/...), on Windows (C:\... or \\server\...). */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/**
 * A file or folder the user chose. It must say where it is: a bare name like "nd" would be
 * taken relative to wherever the app happens to run, so it is refused, never resolved.
 */
export function chosenPath(missing: MessageKey): z.ZodType<string> {
  return z
    .string()
    .trim()
    .refine((p) => p.length > 0, saying(missing))
    .refine((p) => p.length <= 4096, saying('path-too-long'))
    .refine(isAbsolute, saying('path-not-absolute'));
}
