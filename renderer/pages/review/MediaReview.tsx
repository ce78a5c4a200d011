import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { useCall } from '../../components/use-call.ts';

/** Labels for one picture: the whole image or one box, a count, a false detection, or empty. */
export function MediaReview({ mediaID, boxes, onChanged }: { mediaID: string; boxes: BoxInfo[]; onChanged: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const observations = useCall('review.observations', { mediaID }, `${mediaID}:${tick}`);
  const [query, setQuery] = useState('');
  const [count, setCount] = useState('1');
  const [box, setBox] = useState<number | ''>('');
  const [error, setError] = useState<RpcError | undefined>();
  const species = useCall('species.list', { query, limit: 20 });
  const done = (r: { ok: boolean; error?: RpcError }) => {
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setTick((n) => n + 1);
      onChanged();
    }
  };
  const label = async () => {
    const match = species.data?.find((s) => s.scientificName === query || s.vernacularName === query);
    const target = box === '' ? { mediaIDs: [mediaID] } : { detectionIds: [box] };
    done(await api.call('review.label', { target, scientificName: match?.scientificName ?? query, count: Number(count) || 1 }));
  };
  return (
    <div className="media-review row wrap" data-testid="media-review">
      <select value={box} onChange={(e) => setBox(e.target.value === '' ? '' : Number(e.target.value))} aria-label={t('review.what')}>
        <option value="">{t('review.wholeImage')}</option>
        {boxes.map((b, i) => (
          <option key={b.detectionId} value={b.detectionId}>
            {t('review.boxN', { n: i + 1, category: t(`detect.category.${b.category}`), conf: b.conf.toFixed(2) })}
          </option>
        ))}
      </select>
      <input list={`viewer-species-${mediaID}`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('review.speciesPlaceholder')} aria-label={t('review.species')} size={18} onKeyDown={onEnter(() => void label(), query.trim() !== '')} />
      <datalist id={`viewer-species-${mediaID}`}>
        {species.data?.map((s) => (
          <option key={s.scientificName} value={s.scientificName}>
            {s.vernacularName ?? ''}
          </option>
        ))}
      </datalist>
      <input value={count} onChange={(e) => setCount(e.target.value)} size={3} inputMode="numeric" aria-label={t('review.count')} />
      <button disabled={!query.trim()} onClick={() => void label()}>
        {t('review.label')}
      </button>
      <button disabled={box === ''} onClick={() => void api.call('review.markFalse', { detectionIds: [box as number] }).then(done)}>
        {t('review.falseDetection')}
      </button>
      <button onClick={() => void api.call('review.markEmpty', { target: { mediaIDs: [mediaID] } }).then(done)}>{t('review.empty')}</button>
      <span data-testid="observations">
        {observations.data
          ?.map((o) => (o.falseDetection ? t('review.falseDetection') : o.scientificName ? `${o.scientificName}${o.count ? ` × ${o.count}` : ''}` : t(`review.type.${o.observationType}`)))
          .join(', ')}
      </span>
      <ErrorMessage error={error} />
    </div>
  );
}
