import { z } from 'zod';
import { englishFor, isMessageKey, type Says } from './messages.ts';

/** A library may come from anyone: what is read back must be keys this app knows, with plain values. */
const storedSchema = z
  .array(
    z.object({
      key: z.string().refine(isMessageKey),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  )
  .min(1)
  .max(10);

/** The English of messages said one after another: for the command line, the log and older readers. */
export function englishOfAll(said: Says[]): string {
  return said.map((s) => englishFor(s.key, s.values)).join(' ');
}

/**
 * Messages kept in the library's database (why a file was not imported, how an import ended)
 * as keys and values, so that they can be shown in whatever language the reader uses later.
 */
export function storeSays(said: Says[]): string {
  return JSON.stringify(said);
}

/** What storeSays kept, in English and as keys; text from before messages were kept as keys comes back as it is. */
export function readSays(stored: string): { text: string; says?: Says[] } {
  if (!stored.startsWith('[')) return { text: stored };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { text: stored };
  }
  const checked = storedSchema.safeParse(parsed);
  if (!checked.success) return { text: stored };
  const says = checked.data as Says[];
  return { text: englishOfAll(says), says };
}
