import { type JSX, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Species } from '../../../electron/backend/review/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { SpeciesPicker, type SpeciesPickerHandle } from '../../components/SpeciesPicker.tsx';

/** Labels a whole sequence with a species found by scientific or common name, from the library's list or the checklist. */
export function SequenceLabel({ deploymentID, sequenceNo, onLabelled }: { deploymentID: string; sequenceNo: number; onLabelled: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [count, setCount] = useState('1');
  const [error, setError] = useState<RpcError | undefined>();
  const picker = useRef<SpeciesPickerHandle>(null);
  const label = async (species: Species) => {
    const r = await api.call('review.label', { target: { deploymentID, sequenceNo }, scientificName: species.scientificName, count: Number(count) || 1 });
    setError(r.ok ? undefined : r.error);
    if (r.ok) onLabelled();
  };
  const pick = () => void picker.current?.pick();
  return (
    <span className="row label-row">
      <SpeciesPicker ref={picker} label={t('review.species')} testId="label-species" onPick={(s) => void label(s)} onQueryChange={setTyped} />
      <input value={count} onChange={(e) => setCount(e.target.value)} inputMode="numeric" size={3} aria-label={t('review.count')} onKeyDown={onEnter(pick, typed.trim() !== '')} />
      <button disabled={!typed.trim()} onClick={pick} data-testid="label-sequence">
        {t('review.labelSequence')}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}
