import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineSpecies } from '../../../electron/backend/analysis/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { percent } from '../../components/percent.ts';

/** The probabilities offered; below a half a classifier's answer is as often wrong as right. */
const levels = [0.5, 0.7, 0.8, 0.9, 0.95];

/**
 * The library's one switch for the machine's species: off, the map and every analysis count
 * people's labels only; on, also what the classifier predicted at or above a probability where
 * nobody has labelled. Saved with the library; the events are counted again at once.
 */
export function MachineSpeciesToggle({ value, onChanged }: { value: MachineSpecies | undefined; onChanged: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | undefined>();
  // The choice shows at once; the library's own comes back once the events are counted again.
  const [chosen, setChosen] = useState<MachineSpecies | null>(null);
  useEffect(() => setChosen(null), [value]);
  const shown = chosen ?? value;
  const save = async (next: MachineSpecies): Promise<void> => {
    setChosen(next);
    setBusy(true);
    const r = await api.call('analysis.setMachineSpecies', next);
    setBusy(false);
    setError(r.ok ? undefined : r.error);
    if (r.ok) onChanged();
    else setChosen(null);
  };
  const threshold = shown?.threshold ?? 0.8;
  const offered = levels.includes(threshold) ? levels : [...levels, threshold].sort((a, b) => a - b);
  return (
    <fieldset className="row machine-species" data-testid="machine-species" aria-busy={busy}>
      <legend>{t('map.machine.heading')}</legend>
      <label className="check" title={t('map.machine.hint')}>
        <input type="checkbox" checked={shown?.include ?? false} disabled={!shown || busy} onChange={(e) => void save({ include: e.target.checked, threshold })} data-testid="machine-species-on" />{' '}
        {t('map.machine.include')}
      </label>
      <label className="check">
        {t('map.machine.threshold')}
        <select value={threshold} disabled={!shown?.include || busy} onChange={(e) => void save({ include: true, threshold: Number(e.target.value) })} data-testid="machine-species-threshold">
          {offered.map((level) => (
            <option key={level} value={level}>
              {percent(level, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      {busy ? <span role="status">{t('map.machine.recounting')}</span> : null}
      <ErrorMessage error={error} />
    </fieldset>
  );
}
