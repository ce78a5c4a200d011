import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnginePanel } from './EnginePanel.tsx';
import { readableLogLine } from './readable-log-line.ts';
import { SpeciesPanel } from './SpeciesPanel.tsx';
import type { IndependenceComparedTo } from '../../../electron/backend/analysis/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { useCall } from '../../components/use-call.ts';
import { useFieldFrom } from '../../components/use-field-from.ts';

export function SettingsPage(): JSX.Element {
  const { t } = useTranslation();
  const info = useCall('library.current', {});
  const log = useCall('app.log', { lines: 200 });
  const [gap, setGap] = useFieldFrom(info.data ? String(info.data.sequenceGapSeconds) : undefined, '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<RpcError | undefined>();

  const stored = useCall('analysis.independence', {});
  const [independence, setIndependence] = useFieldFrom(stored.data ? String(stored.data.independenceMinutes) : undefined, '30');
  const [comparedTo, setComparedTo] = useFieldFrom<IndependenceComparedTo | undefined>(stored.data?.comparedTo, undefined);
  const save = async () => {
    const r = await api.call('library.setSequenceGap', { seconds: Number(gap) });
    const i = r.ok ? await api.call('analysis.setIndependence', { minutes: Number(independence), comparedTo }) : r;
    if (i.ok) setComparedTo(i.value.comparedTo);
    setSaved(i.ok);
    setError(i.ok ? undefined : i.error);
  };
  const logUrl = api.logUrl();

  return (
    <div className="pad">
      <h2>{t('settings.heading')}</h2>
      <div className="row wrap">
        <Field label={t('settings.sequenceGap')}>
          <input value={gap} onChange={(e) => setGap(e.target.value)} inputMode="numeric" size={5} data-testid="sequence-gap" />
        </Field>
        <Field label={t('settings.independence')}>
          <input value={independence} onChange={(e) => setIndependence(e.target.value)} inputMode="numeric" size={5} data-testid="independence" />
        </Field>
        <Field label={t('settings.comparedTo')}>
          <select value={comparedTo ?? 'lastRecord'} onChange={(e) => setComparedTo(e.target.value === 'lastIndependentRecord' ? 'lastIndependentRecord' : 'lastRecord')} aria-describedby="compared-to-help" data-testid="independence-compared-to">
            <option value="lastRecord">{t('settings.comparedToLastRecord')}</option>
            <option value="lastIndependentRecord">{t('settings.comparedToLastIndependent')}</option>
          </select>
        </Field>
        <button onClick={() => void save()}>{t('settings.save')}</button>
        {saved ? <span role="status">{t('settings.saved')}</span> : null}
      </div>
      <p className="muted" id="compared-to-help">
        {t('settings.comparedToHelp')}
      </p>
      <ErrorMessage error={error} />
      <SpeciesPanel />
      <EnginePanel />
      <h3>{t('settings.log')}</h3>
      <p className="muted">{t('settings.logHelp')}</p>
      {log.data ? <p>{t('settings.logFile', { file: log.data.file })}</p> : null}
      {logUrl ? (
        <a href={logUrl} download>
          {t('settings.downloadLog')}
        </a>
      ) : null}
      <pre className="log" data-testid="log-lines">
        {log.data?.lines.map(readableLogLine).join('\n')}
      </pre>
    </div>
  );
}
