import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewTarget } from '../../../electron/backend/review/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';

/** Accepts the species model's predictions for a target as a person's labels; reports a refusal in words. */
export function useAccept(onAccepted: () => void): { accept: (target: ReviewTarget) => Promise<void>; error: RpcError | undefined } {
  const { i18n } = useTranslation();
  const [error, setError] = useState<RpcError | undefined>();
  const accept = useCallback(
    async (target: ReviewTarget) => {
      const r = await api.call('review.accept', { target, language: i18n.language });
      setError(r.ok ? undefined : r.error);
      if (r.ok) onAccepted();
    },
    [onAccepted, i18n.language],
  );
  return { accept, error };
}

const notTyped = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range']);

/** "A" alone, pressed where it types nothing: in a species box it is a letter, not the accept key. */
export function isAcceptKey(e: KeyboardEvent | ReactKeyboardEvent): boolean {
  if (e.key.toLowerCase() !== 'a' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const target = e.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
  return !(target instanceof HTMLInputElement) || notTyped.has(target.type);
}
