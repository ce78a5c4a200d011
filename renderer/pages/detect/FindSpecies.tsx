import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SpeciesModelSelect } from './SpeciesModelSelect.tsx';
import type { ClassifierInfo, JobInfo } from '../../../electron/backend/detect/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** Runs a species model on the animals a finished job found: the job goes on with it. */
export function FindSpecies({ job, classifiers, onStarted }: { job: JobInfo; classifiers: ClassifierInfo[]; onStarted: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const [classifierID, setClassifierID] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  if (classifiers.length === 0) return null;
  const start = async () => {
    const r = await api.call('detect.classifyRun', { runId: job.runId, classifierID, runner: 'auto' });
    setError(r.ok ? undefined : r.error);
    if (r.ok) onStarted();
  };
  return (
    <form
      className="row wrap"
      data-testid="find-species"
      onSubmit={(e) => {
        e.preventDefault();
        if (classifierID) void start();
      }}
    >
      <SpeciesModelSelect classifiers={classifiers} value={classifierID} onChange={setClassifierID} testId="find-species-model" />
      <button type="submit" disabled={!classifierID} data-testid="find-species-go">
        {job.classifierName ? t('detect.findSpeciesAgain') : t('detect.findSpecies')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
