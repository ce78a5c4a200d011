import { type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import type { Species } from '../../../electron/backend/review/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { SpeciesPicker, type SpeciesPickerHandle } from '../../components/SpeciesPicker.tsx';
import { useCall } from '../../components/use-call.ts';
import { formatVideoTime } from '../media/video-frames.ts';

/** What a video adds: its boxes have times, and choosing one shows its frame. */
export interface VideoBoxes {
  frameRate: number | undefined;
  onBoxChosen: (box: BoxInfo) => void;
}

/** Labels for one picture or video: the whole of it or one box, a count, a false detection, or empty. */
export function MediaReview({ mediaID, boxes, version = '', video, onChanged }: { mediaID: string; boxes: BoxInfo[]; version?: string; video?: VideoBoxes | undefined; onChanged: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [tick, setTick] = useState(0);
  // The version moves on with an accepted suggestion, an undo or a redo made elsewhere.
  const observations = useCall('review.observations', { mediaID }, `${mediaID}:${tick}:${version}`);
  const [typed, setTyped] = useState('');
  const picker = useRef<SpeciesPickerHandle>(null);
  const [count, setCount] = useState('1');
  const [box, setBox] = useState<number | ''>('');
  // A box chosen belongs to its picture: the next picture starts from the whole of it, so a false detection never lands on the one before.
  useEffect(() => setBox(''), [mediaID]);
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
  const choose = (detectionId: number | '') => {
    setBox(detectionId);
    const chosen = boxes.find((b) => b.detectionId === detectionId);
    if (chosen) video?.onBoxChosen(chosen);
  };
  return (
    <div className="media-review row wrap" data-testid="media-review">
      <select value={box} onChange={(e) => choose(e.target.value === '' ? '' : Number(e.target.value))} aria-label={t('review.what')} data-testid="review-target">
        <option value="">{video ? t('video.wholeVideo') : t('review.wholeImage')}</option>
        {boxes.map((b, i) => {
          const says = { n: i + 1, category: t(`detect.category.${b.category}`), conf: b.conf.toFixed(2) };
          return (
            <option key={b.detectionId} value={b.detectionId}>
              {video?.frameRate && b.frame !== undefined ? t('video.boxAt', { ...says, time: formatVideoTime(b.frame / video.frameRate, i18n.language) }) : t('review.boxN', says)}
            </option>
          );
        })}
      </select>
      <SpeciesPicker ref={picker} label={t('review.species')} placement="above" onPick={(s) => void label(s)} onQueryChange={setTyped} />
      <input value={count} onChange={(e) => setCount(e.target.value)} size={3} inputMode="numeric" aria-label={t('review.count')} onKeyDown={onEnter(pick, typed.trim() !== '')} />
      <button disabled={!typed.trim()} onClick={pick}>
        {t('review.label')}
      </button>
      <button disabled={box === ''} onClick={() => void api.call('review.markFalse', { detectionIds: [box as number] }).then(done)}>
        {t('review.falseDetection')}
      </button>
      <button onClick={() => void api.call('review.markEmpty', { target: { mediaIDs: [mediaID] } }).then(done)}>{video ? t('video.empty') : t('review.empty')}</button>
      <span data-testid="observations">
        {observations.data
          ?.map((o) => (o.falseDetection ? t('review.falseDetection') : o.scientificName ? `${o.scientificName}${o.count ? ` × ${o.count}` : ''}` : t(`review.type.${o.observationType}`)))
          .join(', ')}
      </span>
      <ErrorMessage error={error} />
    </div>
  );
}
