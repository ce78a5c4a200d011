import { type RefObject, useRef } from 'react';

/**
 * A keyboard user who opens an edit or a confirmation and closes it lands back where they were,
 * or on a fallback when that is gone (the row just deleted).
 */
export function useReturnFocus(fallback: RefObject<HTMLElement | null>): { remember: () => void; restore: () => void } {
  const opener = useRef<HTMLElement | null>(null);
  return {
    remember: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    restore: () => {
      const target = opener.current?.isConnected ? opener.current : fallback.current;
      opener.current = null;
      setTimeout(() => target?.focus(), 0);
    },
  };
}
