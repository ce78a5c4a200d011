import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutsideDatesWarning } from './OutsideDatesWarning.tsx';
import type { ImportPreview } from '../../../electron/backend/ingest/contract.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import { Field } from '../../components/Field.tsx';
import { formatBytes, formatCameraTime } from '../../components/locale-format.ts';

export function PreviewPanel(props: { preview: ImportPreview; deployments: Deployment[]; deploymentID: string; onDeployment: (id: string) => void; onStart: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { preview: p } = props;
  const suggestion = p.suggestion;
  // A confirmation holds for the card and the deployment it was given for: another asks again.
  const [confirmedFor, setConfirmedFor] = useState<{ preview: ImportPreview; deploymentID: string } | null>(null);
  const chosen = props.deployments.find((d) => d.deploymentID === props.deploymentID);
  const outside = chosen ? p.outside[chosen.deploymentID] : undefined;
  const confirmed = confirmedFor?.preview === p && confirmedFor.deploymentID === props.deploymentID;
  return (
    <section className="card" data-testid="preview">
      <h3>{t('import.found')}</h3>
      <dl className="facts">
        <dt>{t('import.files', { count: p.files, images: p.images, videos: p.videos })}</dt>
        <dd>{p.otherFiles > 0 ? t('import.otherFiles', { count: p.otherFiles }) : null}</dd>
        <dt>{t('import.size')}</dt>
        <dd data-testid="preview-size">{formatBytes(p.totalBytes, i18n.language)}</dd>
        <dt>{t('import.dates')}</dt>
        <dd data-testid="preview-dates">
          {p.firstTime ? `${formatCameraTime(p.firstTime, i18n.language)} – ${formatCameraTime(p.lastTime, i18n.language)}` : t('import.noDates')} {p.sampled ? t('import.sampled') : null}
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
      {outside && chosen ? (
        <OutsideDatesWarning
          outside={outside}
          deployment={chosen}
          sample={p.datesChecked < p.files ? { checked: p.datesChecked, files: p.files } : null}
          confirmed={confirmed}
          onConfirm={(yes) => setConfirmedFor(yes ? { preview: p, deploymentID: chosen.deploymentID } : null)}
        />
      ) : null}
      <p className="muted">{t('import.readOnly')}</p>
      <button className="primary" disabled={!props.deploymentID || p.files === 0 || (outside !== undefined && !confirmed)} onClick={props.onStart} data-testid="import-start">
        {outside && confirmed ? t('import.startAnyway', { count: p.files }) : t('import.start', { count: p.files })}
      </button>
    </section>
  );
}
