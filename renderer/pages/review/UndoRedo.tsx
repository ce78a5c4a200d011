import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAction } from '../../../electron/backend/review/contract.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../components/use-call.ts';
import { useSaid } from '../../components/use-said.ts';

/** What an action did, in the user's language (the stored summary is English, for the log). */
function useDescribe(): (action: ReviewAction) => string {
  const { t } = useTranslation();
  return (a) => t(`review.did.${a.kind}`, { count: a.media, name: a.scientificName ?? t('review.type.animal') });
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Undo and redo beside each other, with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y; both always say what
 * they would do now, read from the library, so no stale "Nothing to undo" after a new label.
 */
export function UndoRedo({ version, onChanged }: { version: string; onChanged: () => void }): JSX.Element {
  const { t } = useTranslation();
  const describe = useDescribe();
  const said = useSaid();
  const [tick, setTick] = useState(0);
  const history = useCall('review.history', {}, `${version}:${tick}`);
  const [status, setStatus] = useState('');
  const act = (which: 'undo' | 'redo') => {
    void api.call(which === 'undo' ? 'review.undo' : 'review.redo', {}).then((r) => {
      if (!r.ok) setStatus(said(r.error.message, r.error.says));
      else setStatus(r.value ? t(which === 'undo' ? 'review.undone' : 'review.redone', { what: describe(r.value) }) : t(which === 'undo' ? 'review.nothingToUndo' : 'review.nothingToRedo'));
      setTick((n) => n + 1);
      onChanged();
    });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) act('undo');
      else if ((key === 'z' && e.shiftKey) || key === 'y') act('redo');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const undo = history.data?.undo;
  const redo = history.data?.redo;
  return (
    <span className="row">
      <button onClick={() => act('undo')} disabled={!undo} data-testid="undo" aria-keyshortcuts="Control+Z" title={undo ? t('review.undoThis', { what: describe(undo) }) : t('review.nothingToUndo')}>
        ⟲ {t('review.undoButton')}
      </button>
      <button onClick={() => act('redo')} disabled={!redo} data-testid="redo" aria-keyshortcuts="Control+Shift+Z Control+Y" title={redo ? t('review.redoThis', { what: describe(redo) }) : t('review.nothingToRedo')}>
        ⟳ {t('review.redoButton')}
      </button>
      {status ? (
        <span role="status" data-testid="undo-status">
          {status}
        </span>
      ) : null}
    </span>
  );
}
