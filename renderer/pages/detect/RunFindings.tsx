import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../electron/backend/detect/contract.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { percent } from '../../components/percent.ts';
import { useCall } from '../../components/use-call.ts';
import { requestFilters } from '../media/requested-filters.ts';

/** What a finished run found by class, and the way to the pictures with animals. */
export function RunFindings({ job, onReview }: { job: JobInfo; onReview: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const counts = useCall('detect.runCounts', { runId: job.runId }, `${job.state}:${job.done}`);
  const c = counts.data;
  if (!c) return <ErrorMessage error={counts.error} />;
  const review = () => {
    // The grid shows the same pictures the count is of: this threshold, and this run's deployment if it had one.
    requestFilters({ category: 'animal', threshold: c.threshold, deploymentID: job.scope.deploymentID ?? '' });
    onReview();
  };
  return (
    <div className="row run-findings">
      <p data-testid="run-counts">
        {t('detect.found', { count: c.images, animal: c.animal, person: c.person, vehicle: c.vehicle, empty: c.empty })}{' '}
        <span className="muted">{t('detect.foundAt', { threshold: percent(c.threshold, i18n.language) })}</span>
      </p>
      <button disabled={c.animal === 0} onClick={review} data-testid="review-animals">
        {t('detect.reviewAnimals')}
      </button>
    </div>
  );
}
