import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, type ImportPreview } from '../../../electron/backend/ingest/contract.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import { Field } from '../../components/Field.tsx';

export function PreviewPanel(props: { preview: ImportPreview; deployments: Deployment[]; deploymentID: string; onDeployment: (id: string) => void; onStart: () => void }): JSX.Element {
  const { t } = useTranslation();
  const { preview: p } = props;
  const suggestion = p.suggestion;
  return (
    <section className="card" data-testid="preview">
      <h3>{t('import.found')}</h3>
      <dl className="facts">
        <dt>{t('import.files', { count: p.files, images: p.images, videos: p.videos })}</dt>
        <dd>{p.otherFiles > 0 ? t('import.otherFiles', { count: p.otherFiles }) : null}</dd>
        <dt>{t('import.size')}</dt>
        <dd data-testid="preview-size">{formatBytes(p.totalBytes)}</dd>
        <dt>{t('import.dates')}</dt>
        <dd data-testid="preview-dates">
          {p.firstTime ? `${p.firstTime} – ${p.lastTime}` : t('import.noDates')} {p.sampled ? t('import.sampled') : null}
        </dd>
        <dt>{t('import.cameras')}</dt>
        <dd data-testid="preview-cameras">
          {p.cameras.map((c) => (
            <div key={`${c.make}${c.model}${c.serialNumber}`}>
              {[c.make, c.model].filter(Boolean).join(' ')}
              {c.serialNumber ? `, ${t('import.serial', { serial: c.serialNumber })}` : ''}
              {c.userLabel ? `, ${t('import.label', { label: c.userLabel })}` : ''} ({c.files})
            </div>
          ))}
        </dd>
      </dl>
      <Field label={t('import.deployment')}>
        <select value={props.deploymentID} onChange={(e) => props.onDeployment(e.target.value)} data-testid="import-deployment">
          <option value="">{t('import.chooseDeployment')}</option>
          {props.deployments.map((d) => (
            <option key={d.deploymentID} value={d.deploymentID}>
              {d.deploymentID} · {d.locationName} · {d.deploymentStart.slice(0, 10)} – {d.deploymentEnd.slice(0, 10)}
            </option>
          ))}
        </select>
      </Field>
      <p className="muted" data-testid="suggestion">
        {suggestion && suggestion.deploymentID === props.deploymentID
          ? t(suggestion.reason === 'dates' ? 'import.suggestedByDates' : 'import.suggestedByCamera')
          : suggestion
            ? null
            : t('import.noSuggestion')}
      </p>
      <p className="muted">{t('import.readOnly')}</p>
      <button className="primary" disabled={!props.deploymentID || p.files === 0} onClick={props.onStart} data-testid="import-start">
        {t('import.start', { count: p.files })}
      </button>
    </section>
  );
}
