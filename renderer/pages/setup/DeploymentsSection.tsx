import { type JSX, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraProblems } from './CameraProblems.tsx';
import { ClockOffset, ClockOffsetText } from './ClockOffset.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { DeploymentForm } from './DeploymentForm.tsx';
import { displayLocale } from './display-locale.ts';
import { useReturnFocus } from './return-focus.ts';
import { formatStationTime } from './station-time.ts';
import type { Deployment, Location } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

type Open = { kind: 'edit' | 'clock' | 'problems' | 'delete'; deployment: Deployment } | undefined;

/** The deployments: listed in station time, added, edited, their camera clock corrected, deleted while empty. */
export function DeploymentsSection({ locations, deployments, onChanged }: { locations: Location[]; deployments: Deployment[]; onChanged: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useReturnFocus(heading);
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RpcError | undefined>();
  const when = (iso: string, d: Deployment) => formatStationTime(iso, d.timeZone, displayLocale(i18n.language));

  const show = (kind: 'edit' | 'clock' | 'problems' | 'delete', d: Deployment) => {
    setProblem(undefined);
    if (kind === 'delete' && d.mediaCount > 0) {
      setOpen(undefined);
      return setProblem({ code: 'conflict', message: '', says: { key: 'deployment-holds-media', values: { deployment: d.deploymentID, count: d.mediaCount } } });
    }
    focus.remember();
    setOpen({ kind, deployment: d });
  };
  const close = () => {
    setOpen(undefined);
    focus.restore();
  };
  const confirmDelete = async (d: Deployment) => {
    setBusy(true);
    const r = await api.call('deployment.delete', { deploymentID: d.deploymentID });
    setBusy(false);
    setOpen(undefined);
    if (!r.ok) return setProblem(r.error);
    onChanged();
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="deployments-heading">
      <h2 id="deployments-heading" ref={heading} tabIndex={-1}>
        {t('setup.deployments')}
      </h2>
      {deployments.length === 0 ? <p className="muted">{t('setup.noDeployments')}</p> : null}
      <table className="table" data-testid="deployments">
        <thead>
          <tr>
            <th>{t('setup.deploymentID')}</th>
            <th>{t('setup.location')}</th>
            <th>{t('setup.start')}</th>
            <th>{t('setup.end')}</th>
            <th>{t('setup.cameraID')}</th>
            <th>{t('setup.media')}</th>
            <th>{t('setup.clockOffset')}</th>
            <th>{t('setup.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
            <tr key={d.deploymentID}>
              <td>{d.deploymentID}</td>
              <td>{d.locationName}</td>
              <td title={d.timeZone}>{when(d.deploymentStart, d)}</td>
              <td title={d.timeZone}>{when(d.deploymentEnd, d)}</td>
              <td>{d.cameraID}</td>
              <td>{d.mediaCount}</td>
              <td>
                <ClockOffsetText seconds={d.clockOffsetSeconds} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" aria-label={t('setup.editNamed', { name: d.deploymentID })} onClick={() => show('edit', d)}>
                    {t('setup.edit')}
                  </button>
                  <button type="button" aria-label={t('setup.clock.openNamed', { name: d.deploymentID })} onClick={() => show('clock', d)}>
                    {t('setup.clock.open')}
                  </button>
                  <button type="button" aria-label={t('setup.problems.openNamed', { name: d.deploymentID })} onClick={() => show('problems', d)}>
                    {t('setup.problems.open')}
                  </button>
                  <button type="button" aria-label={t('setup.deleteNamed', { name: d.deploymentID })} onClick={() => show('delete', d)}>
                    {t('setup.delete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={problem} />
      {open?.kind === 'delete' ? (
        <ConfirmStep
          question={t('setup.confirmDeleteDeployment', { id: open.deployment.deploymentID })}
          confirmLabel={t('setup.deleteDeployment')}
          busy={busy}
          onConfirm={() => void confirmDelete(open.deployment)}
          onCancel={close}
        />
      ) : null}
      {open?.kind === 'clock' ? <ClockOffset key={open.deployment.deploymentID} deployment={open.deployment} onChanged={onChanged} onClose={close} /> : null}
      {open?.kind === 'problems' ? <CameraProblems key={open.deployment.deploymentID} deployment={open.deployment} onClose={close} /> : null}
      {locations.length > 0 && open?.kind !== 'clock' && open?.kind !== 'problems' ? (
        <DeploymentForm
          key={open?.kind === 'edit' ? open.deployment.deploymentID : 'new'}
          locations={locations}
          editing={open?.kind === 'edit' ? open.deployment : undefined}
          onCancel={open?.kind === 'edit' ? close : undefined}
          onSaved={() => {
            onChanged();
            if (open?.kind === 'edit') close();
          }}
        />
      ) : null}
    </section>
  );
}
