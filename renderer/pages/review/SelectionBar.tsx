import { type JSX, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Species } from '../../../electron/backend/review/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SpeciesPicker, type SpeciesPickerHandle } from '../../components/SpeciesPicker.tsx';

/** One label or "empty" for every picture ticked in the grid. */
export function SelectionBar({ mediaIDs, onDone }: { mediaIDs: string[]; onDone: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const picker = useRef<SpeciesPickerHandle>(null);
  const done = (r: { ok: boolean; error?: RpcError }) => {
    setError(r.ok ? undefined : r.error);
    if (r.ok) onDone();
  };
  if (mediaIDs.length === 0) return null;
  const label = async (species: Species) => done(await api.call('review.label', { target: { mediaIDs }, scientificName: species.scientificName }));
  return (
    <div className="selection-bar row" role="region" aria-label={t('review.selection')} data-testid="selection-bar">
      <strong>{t('review.selected', { count: mediaIDs.length })}</strong>
      <SpeciesPicker ref={picker} label={t('review.species')} testId="selection-species" onPick={(s) => void label(s)} onQueryChange={setTyped} />
      <button disabled={!typed.trim()} onClick={() => void picker.current?.pick()} data-testid="selection-label">
        {t('review.labelSelection')}
      </button>
      <button onClick={() => void api.call('review.markEmpty', { target: { mediaIDs } }).then(done)}>{t('review.empty')}</button>
      <button onClick={onDone}>{t('review.clearSelection')}</button>
      <ErrorMessage error={error} />
    </div>
  );
}
