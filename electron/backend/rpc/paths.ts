import { z } from 'zod';

/** Absolute on Linux and macOS (/...), on Windows (C:\... or \\server\...). */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/**
 * A file or folder the user chose. It must say where it is: a bare name like "nd" would be
 * taken relative to wherever the app happens to run, so it is refused, never resolved.
 */
export function chosenPath(missing: string): z.ZodType<string> {
  return z
    .string()
    .trim()
    .min(1, missing)
    .max(4096)
    .refine(isAbsolute, 'Choose it with the folder browser: a name alone does not say where on the computer it is.');
}
