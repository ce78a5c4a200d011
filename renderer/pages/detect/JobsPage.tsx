import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMegadetector } from './ExportMegadetector.tsx';
import { FindSpecies } from './FindSpecies.tsx';
import { RunFindings } from './RunFindings.tsx';
import { StartDetection } from './StartDetection.tsx';
import type { ClassifierInfo, JobInfo, JobProgress } from '../../../electron/backend/detect/contract.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useCall } from '../../components/use-call.ts';
import { useSaid } from '../../components/use-said.ts';

function JobRow({ job, live, onReview, classifiers, onChanged }: { job: JobInfo; live: JobProgress | undefined; onReview: () => void; classifiers: ClassifierInfo[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const said = useSaid();
  const done = live?.done ?? job.done;
  const failed = live?.failed ?? job.failed;
  const act = (method: 'detect.pause' | 'detect.resume' | 'detect.cancel') => void api.call(method, { runId: job.runId });
  return (
    <li className="card" data-testid="job">
      <div className="row">
        <strong>{t('detect.job', { id: job.runId, model: job.modelName })}</strong>
        {job.classifierName ? <span data-testid="job-classifier">{t('detect.jobSpecies', { name: job.classifierName })}</span> : null}
        <span data-testid="job-state">{t(`detect.state.${live?.state ?? job.state}`)}</span>
        {job.state === 'running' ? <button onClick={() => act('detect.pause')}>{t('detect.pause')}</button> : null}
        {job.state === 'paused' || job.state === 'failed' ? <button onClick={() => act('detect.resume')}>{t('detect.resume')}</button> : null}
        {job.state === 'running' || job.state === 'paused' || job.state === 'failed' ? <button onClick={() => act('detect.cancel')}>{t('detect.cancel')}</button> : null}
      </div>
      <ProgressBar value={done} max={job.total} label={t('detect.job', { id: job.runId, model: job.modelName })} />
      <p data-testid="job-progress">
        {t('detect.progress', { done, total: job.total, failed })}
        {live && live.state === 'running' && live.secondsLeft !== null ? ` · ${t('detect.rate', { rate: live.imagesPerSecond, seconds: live.secondsLeft })}` : null}
        {live?.frames ? ` · ${t('detect.videoFrames', { count: live.frames })}` : null}
      </p>
      <p className="muted">
        {t('detect.runsOn', { runner: t(`detect.runnerName.${job.runner}`, { defaultValue: job.runner }) })}
        {job.runnerReason ? ` — ${said(job.runnerReason, job.runnerReasonSays)}` : null}
      </p>
      {job.message ? <p>{said(job.message, job.messageSays)}</p> : null}
      {job.state === 'done' && job.done > 0 ? <RunFindings job={job} onReview={onReview} /> : null}
      {(job.state === 'done' || job.state === 'failed') && job.done > 0 ? <FindSpecies job={job} classifiers={classifiers} onStarted={onChanged} /> : null}
      {job.done > 0 ? <ExportMegadetector runId={job.runId} /> : null}
    </li>
  );
}

/** onReview opens the Images page, with the filters RunFindings asked for. */
export function JobsPage({ onReview }: { onReview: () => void }): JSX.Element {
  const { t } = useTranslation();
  const jobs = useCall('detect.jobs', {});
  const classifiers = useCall('models.classifiers', {});
  const [live, setLive] = useState<Record<number, JobProgress>>({});
  useEffect(() => {
    const offProgress = api.on('detect.progress', (p) => setLive((l) => ({ ...l, [p.runId]: p })));
    const offFinished = api.on('detect.finished', (job) => {
      setLive(({ [job.runId]: _ended, ...rest }) => rest);
      jobs.reload();
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [jobs.reload]);
  return (
    <div className="pad">
      <h2>{t('detect.heading')}</h2>
      <StartDetection onStarted={jobs.reload} />
      <h3>{t('detect.jobs')}</h3>
      <ErrorMessage error={jobs.error} />
      {jobs.data?.length === 0 ? <p className="muted">{t('detect.noJobs')}</p> : null}
      <ul className="plain" data-testid="jobs">
        {jobs.data?.map((j) => <JobRow key={j.runId} job={j} live={live[j.runId]} onReview={onReview} classifiers={classifiers.data?.filter((c) => c.available) ?? []} onChanged={jobs.reload} />)}
      </ul>
    </div>
  );
}
