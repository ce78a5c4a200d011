import { type JSX, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import type { Species } from '../../../electron/backend/review/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { SpeciesPicker, type SpeciesPickerHandle } from '../../components/SpeciesPicker.tsx';
import { useCall } from '../../components/use-call.ts';

/** Labels for one picture: the whole image or one box, a count, a false detection, or empty. */
export function MediaReview({ mediaID, boxes, version = '', onChanged }: { mediaID: string; boxes: BoxInfo[]; version?: string; onChanged: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  // The version moves on with an accepted suggestion, an undo or a redo made elsewhere.
  const observations = useCall('review.observations', { mediaID }, `${mediaID}:${tick}:${version}`);
  const [typed, setTyped] = useState('');
  const picker = useRef<SpeciesPickerHandle>(null);
  const [count, setCount] = useState('1');
  const [box, setBox] = useState<number | ''>('');
  const [error, setError] = useState<RpcError | undefined>();
  const done = (r: { ok: boolean; error?: RpcError }) => {
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setTick((n) => n + 1);
      onChanged();
    }
  };
  const label = async (species: Species) => {
    const target = box === '' ? { mediaIDs: [mediaID] } : { detectionIds: [box] };
    done(await api.call('review.label', { target, scientificName: species.scientificName, count: Number(count) || 1 }));
  };
  const pick = () => void picker.current?.pick();
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
      <SpeciesPicker ref={picker} label={t('review.species')} placement="above" onPick={(s) => void label(s)} onQueryChange={setTyped} />
      <input value={count} onChange={(e) => setCount(e.target.value)} size={3} inputMode="numeric" aria-label={t('review.count')} onKeyDown={onEnter(pick, typed.trim() !== '')} />
      <button disabled={!typed.trim()} onClick={pick}>
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
