import type { KeyboardEvent } from 'react';

/**
 * Enter submits the form from any of its fields: browsers do it for text fields only, not from a
 * date or time picker, a list or a checkbox; never while an input method is still composing.
 */
export function enterSubmits(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  if (!(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}
