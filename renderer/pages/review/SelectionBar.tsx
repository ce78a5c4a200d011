import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { useCall } from '../../components/use-call.ts';

/** One label or "empty" for every picture ticked in the grid. */
export function SelectionBar({ mediaIDs, onDone }: { mediaIDs: string[]; onDone: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const species = useCall('species.list', { query, limit: 20 });
  const done = (r: { ok: boolean; error?: RpcError }) => {
    setError(r.ok ? undefined : r.error);
    if (r.ok) onDone();
  };
  if (mediaIDs.length === 0) return null;
  const match = species.data?.find((s) => s.scientificName === query || s.vernacularName === query);
  return (
    <div className="selection-bar row" role="region" aria-label={t('review.selection')} data-testid="selection-bar">
      <strong>{t('review.selected', { count: mediaIDs.length })}</strong>
      <input list="selection-species" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('review.speciesPlaceholder')} aria-label={t('review.species')} size={18} data-testid="selection-species" onKeyDown={onEnter(() => void api.call('review.label', { target: { mediaIDs }, scientificName: match?.scientificName ?? query }).then(done), query.trim() !== '')} />
      <datalist id="selection-species">
        {species.data?.map((s) => (
          <option key={s.scientificName} value={s.scientificName}>
            {s.vernacularName ?? ''}
          </option>
        ))}
      </datalist>
      <button disabled={!query.trim()} onClick={() => void api.call('review.label', { target: { mediaIDs }, scientificName: match?.scientificName ?? query }).then(done)} data-testid="selection-label">
        {t('review.labelSelection')}
      </button>
      <button onClick={() => void api.call('review.markEmpty', { target: { mediaIDs } }).then(done)}>{t('review.empty')}</button>
      <button onClick={onDone}>{t('review.clearSelection')}</button>
      <ErrorMessage error={error} />
    </div>
  );
}
