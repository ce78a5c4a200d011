import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectForm } from './ProjectForm.tsx';
import { isMediaBase, mediaOptions, type CamtrapExportResult } from '../../../electron/backend/exchange/camtrap-dp/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useTasks } from '../../components/RunningTasks.tsx';
import { useCall } from '../../components/use-call.ts';
import { useSaid } from '../../components/use-said.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

type MediaOption = (typeof mediaOptions)[number];

function ExportResult({ result }: { result: CamtrapExportResult }): JSX.Element {
  const { t } = useTranslation();
  const said = useSaid();
  const c = result.counts;
  if (result.state === 'cancelled') return <p role="status">{t('exportPanel.cancelled')}</p>;
  if (result.state === 'written') {
    return (
      <div role="status" className="export-result" data-testid="export-written">
        <p>{t('exportPanel.written', { path: result.zip ?? result.folder })}</p>
        <p className="muted">{t('exportPanel.counts', { deployments: c.deployments, media: c.media, observations: c.observations, events: c.eventObservations, files: c.files })}</p>
      </div>
    );
  }
  return (
    <div role="alert" className="error" data-testid="export-invalid">
      <p>{t('exportPanel.invalid', { count: result.problems.length })}</p>
      <ul data-testid="export-problems">
        {result.problems.map((p, i) => (
          <li key={i}>{said('', p)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Writes the library, or some deployments or dates of it, as a Camtrap DP package that GBIF can
 * publish: checked against the standard before anything is kept, with the list of problems if not.
 */
export function ExportPanel({ onChanged }: { onChanged?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const project = useCall('project.get', {});
  const deployments = useCall('deployment.list', {});
  const [showProject, setShowProject] = useState(false);
  const [allDeployments, setAllDeployments] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [media, setMedia] = useState<MediaOption>('copy');
  const [mediaBase, setMediaBase] = useState('');
  const [zip, setZip] = useState(false);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CamtrapExportResult | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const running = useTasks().find((task) => task.kind === 'export' && task.state === 'running');

  const projectSaved = project.data?.saved === true;
  const ready = !busy && folder !== '' && projectSaved && (allDeployments || chosen.length > 0) && (media !== 'none' || isMediaBase(mediaBase.trim())) && (!from || !to || from <= to);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setResult(null);
    setError(undefined);
    const r = await api.call('exchange.exportCamtrapDp', {
      folder,
      deploymentIDs: allDeployments ? [] : chosen,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      media,
      ...(media === 'none' ? { mediaBase: mediaBase.trim() } : {}),
      zip,
    });
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      if (r.value.state === 'written') onChanged?.();
    } else setError(r.error);
  };

  return (
    <section className="export-panel" aria-labelledby="export-panel-title" data-testid="export-panel">
      <h2 id="export-panel-title">{t('exportPanel.heading')}</h2>
      <p className="muted">{t('exportPanel.intro')}</p>
      <div className="row">
        <p data-testid="export-project">{projectSaved ? t('exportPanel.project', { title: project.data?.title ?? '' }) : t('exportPanel.projectMissing')}</p>
        <button type="button" aria-expanded={showProject} onClick={() => setShowProject(!showProject)} data-testid="export-edit-project">
          {showProject ? t('exportPanel.hideProject') : t('exportPanel.editProject')}
        </button>
      </div>
      {showProject ? <ProjectForm onChanged={project.reload} /> : null}
      <form onSubmit={(e) => void start(e)} onKeyDown={enterSubmits} aria-label={t('exportPanel.heading')}>
        <fieldset>
          <legend>{t('exportPanel.deployments')}</legend>
          <label className="check">
            <input type="radio" name="export-scope" checked={allDeployments} onChange={() => setAllDeployments(true)} /> {t('exportPanel.allDeployments')}
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={!allDeployments} onChange={() => setAllDeployments(false)} data-testid="export-some" /> {t('exportPanel.someDeployments')}
          </label>
          {!allDeployments ? (
            <div className="row wrap">
              {deployments.data?.map((d) => (
                <label key={d.deploymentID} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(d.deploymentID)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, d.deploymentID] : chosen.filter((id) => id !== d.deploymentID))}
                  />{' '}
                  {d.deploymentID} · {d.locationName}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
        <div className="row wrap">
          <Field label={t('exportPanel.from')}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" />
          </Field>
          <Field label={t('exportPanel.to')}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
          </Field>
        </div>
        <fieldset>
          <legend>{t('exportPanel.media')}</legend>
          {mediaOptions.map((m) => (
            <label key={m} className="check">
              <input type="radio" name="export-media" checked={media === m} onChange={() => setMedia(m)} data-testid={`export-media-${m}`} /> {t(`exportPanel.mediaOption.${m}`)}
            </label>
          ))}
          {media === 'none' ? (
            <Field label={t('exportPanel.mediaBase')} hint={t('exportPanel.mediaBaseHint')}>
              <input value={mediaBase} onChange={(e) => setMediaBase(e.target.value)} size={50} placeholder="https://" aria-invalid={mediaBase !== '' && !isMediaBase(mediaBase.trim())} data-testid="export-media-base" />
            </Field>
          ) : null}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} data-testid="export-zip" /> {t('exportPanel.zip')}
        </label>
        <Field label={t('exportPanel.folder')}>
          <FolderInput value={folder} onChange={setFolder} testId="export-folder" />
        </Field>
        <div className="row">
          <button type="submit" className="primary" disabled={!ready} data-testid="export-start">
            {t('exportPanel.start')}
          </button>
          {running ? (
            <button type="button" onClick={() => void api.call('tasks.cancel', { id: running.id })} data-testid="export-cancel">
              {t('exportPanel.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {busy ? (
        <div role="status" aria-live="polite">
          <p>{running && running.total !== null && running.done < running.total ? t('exportPanel.progress', { done: running.done, total: running.total }) : t('exportPanel.checking')}</p>
          {running && running.total !== null ? <ProgressBar value={running.done} max={running.total} label={t('exportPanel.heading')} /> : null}
        </div>
      ) : null}
      {result ? <ExportResult result={result} /> : null}
      <ErrorMessage error={error ?? project.error} />
    </section>
  );
}
