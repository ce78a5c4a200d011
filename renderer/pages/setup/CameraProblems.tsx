import { type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeploymentTimeline } from './DeploymentTimeline.tsx';
import { displayLocale } from './display-locale.ts';
import { EffortFigures } from './EffortFigures.tsx';
import { formatReading } from './problem-period.ts';
import { ProblemForm } from './ProblemForm.tsx';
import type { CameraProblem } from '../../../electron/backend/analysis/contract.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

/**
 * The periods a deployment's camera did not work (a full card, a flat battery, knocked over),
 * listed, added, changed and removed; the deployment's time line with them shaded, and the
 * effort they leave, counted as camtrapR counts it.
 */
export function CameraProblems({ deployment, onClose }: { deployment: Deployment; onClose: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { deploymentID } = deployment;
  const loaded = useCall('effort.problems', { deploymentID });
  const report = useCall('effort.report', {});
  const [problems, setProblems] = useState<CameraProblem[] | undefined>();
  const [editing, setEditing] = useState<CameraProblem | undefined>();
  const [error, setError] = useState<RpcError | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => setProblems(loaded.data), [loaded.data]);
  useEffect(() => heading.current?.focus(), []);
  const locale = displayLocale(i18n.language);
  const effort = report.data?.deployments.find((d) => d.deploymentID === deploymentID);

  const changed = (next: CameraProblem[]) => {
    setProblems(next);
    // An added period leaves focus in the emptied form for the next one; a changed one ends the edit.
    if (editing) heading.current?.focus();
    setEditing(undefined);
    report.reload();
  };
  const remove = async (p: CameraProblem) => {
    const r = await api.call('effort.removeProblem', { problemID: p.problemID });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    changed(r.value);
    heading.current?.focus();
  };

  return (
    <section
      className="setup-form camera-problems"
      aria-labelledby="camera-problems-title"
      data-testid="camera-problems"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id="camera-problems-title" ref={heading} tabIndex={-1}>
        {t('setup.problems.title', { id: deploymentID })}
      </h3>
      <p className="muted">{t('setup.problems.intro')}</p>
      <div className="row wrap effort-row">
        <DeploymentTimeline deployment={deployment} problems={problems ?? []} />
        {effort ? <EffortFigures effort={effort} /> : null}
      </div>
      <ErrorMessage error={loaded.error ?? report.error ?? error} />
      {problems && problems.length > 0 ? (
        <table className="table" data-testid="problem-list">
          <caption className="visually-hidden">{t('setup.problems.listCaption', { id: deploymentID })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.problems.from')}</th>
              <th scope="col">{t('setup.problems.to')}</th>
              <th scope="col">{t('setup.problems.reason')}</th>
              <th scope="col">{t('setup.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => {
              const name = t('setup.problems.period', { from: formatReading(p.from, locale), to: formatReading(p.to, locale) });
              return (
                <tr key={p.problemID}>
                  <td>{formatReading(p.from, locale)}</td>
                  <td>{formatReading(p.to, locale)}</td>
                  <td>{p.reason}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={t('setup.editNamed', { name })} onClick={() => setEditing(p)} disabled={editing?.problemID === p.problemID}>
                        {t('setup.edit')}
                      </button>
                      <button type="button" aria-label={t('setup.problems.removeNamed', { name })} onClick={() => void remove(p)}>
                        {t('setup.problems.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : problems ? (
        <p className="muted" data-testid="no-problems">
          {t('setup.problems.none')}
        </p>
      ) : null}
      <h4>{editing ? t('setup.problems.editTitle') : t('setup.problems.addTitle')}</h4>
      <ProblemForm key={editing?.problemID ?? 'new'} deploymentID={deploymentID} editing={editing} onSaved={changed} onCancel={editing ? () => setEditing(undefined) : undefined} />
      <button type="button" onClick={onClose} data-testid="camera-problems-close">
        {t('setup.problems.close')}
      </button>
    </section>
  );
}
