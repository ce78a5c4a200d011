import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { useCall } from '../../components/use-call.ts';

/** Labels a whole sequence with a species from the library's list (search by scientific or common name). */
export function SequenceLabel({ deploymentID, sequenceNo, onLabelled }: { deploymentID: string; sequenceNo: number; onLabelled: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [count, setCount] = useState('1');
  const [error, setError] = useState<RpcError | undefined>();
  const species = useCall('species.list', { query, limit: 20 });
  const listId = `species-${deploymentID}-${sequenceNo}`;
  const label = async () => {
    const match = species.data?.find((s) => s.scientificName === query || s.vernacularName === query);
    const r = await api.call('review.label', { target: { deploymentID, sequenceNo }, scientificName: match?.scientificName ?? query, count: Number(count) || 1 });
    setError(r.ok ? undefined : r.error);
    if (r.ok) onLabelled();
  };
  return (
    <span className="row label-row">
      <input list={listId} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('review.speciesPlaceholder')} aria-label={t('review.species')} data-testid="label-species" size={18} onKeyDown={onEnter(() => void label(), query.trim() !== '')} />
      <datalist id={listId}>
        {species.data?.map((s) => (
          <option key={s.scientificName} value={s.scientificName}>
            {s.vernacularName ?? ''}
          </option>
        ))}
      </datalist>
      <input value={count} onChange={(e) => setCount(e.target.value)} inputMode="numeric" size={3} aria-label={t('review.count')} onKeyDown={onEnter(() => void label(), query.trim() !== '')} />
      <button disabled={!query.trim()} onClick={() => void label()} data-testid="label-sequence">
        {t('review.labelSequence')}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}
