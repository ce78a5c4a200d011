import { englishFor, type MessageKey, type MessageValues, type Says } from './messages.ts';

/** A zod refinement's failure that the renderer shows as this message in the user's language (see zod-issues.ts). */
export function saying(key: MessageKey, values?: MessageValues): { message: string; params: { says: Says }; abort: true } {
  return { message: englishFor(key, values), params: { says: { key, ...(values ? { values } : {}) } }, abort: true };
}
