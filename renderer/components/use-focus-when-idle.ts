import { type RefObject, useEffect } from 'react';

/**
 * Puts the keyboard on an element once it appears, unless the person has already moved it
 * elsewhere: `autoFocus` on something that arrives late would take the focus from whatever
 * they were using (the language list on the first screen, say) and send their next key there.
 */
export function useFocusWhenIdle(ref: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const active = document.activeElement;
    if (shown && (active === null || active === document.body)) ref.current?.focus();
  }, [ref, shown]);
}
