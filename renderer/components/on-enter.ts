import type { KeyboardEvent } from 'react';

/**
 * Enter in a field does what its button does, as people expect; not while an input method is
 * still composing (Chinese, Japanese), where Enter confirms the characters instead.
 */
export function onEnter(action: () => void, enabled: boolean): (e: KeyboardEvent<HTMLInputElement>) => void {
  return (e) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || !enabled) return;
    e.preventDefault();
    action();
  };
}
