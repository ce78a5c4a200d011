import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { displayLocale } from './display-locale.ts';
import { deploymentSpanMs, formatReading, problemFromMs, problemToMs } from './problem-period.ts';
import type { CameraProblem } from '../../../electron/backend/analysis/contract.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import { dateTimeFormat } from '../../components/intl-formats.ts';

const percentOf = (ms: number, from: number, to: number) => (100 * (Math.min(Math.max(ms, from), to) - from)) / (to - from);

/**
 * The deployment from setup to retrieval as a bar, the camera problem periods shaded on it.
 * Screen readers get the same as one sentence: the span and every period in words.
 */
export function DeploymentTimeline({ deployment, problems }: { deployment: Deployment; problems: CameraProblem[] }): JSX.Element | null {
  const { t, i18n } = useTranslation();
  const span = deploymentSpanMs(deployment);
  if (!span) return null;
  const locale = displayLocale(i18n.language);
  const day = (ms: number) => dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
  const setup = day(span.fromMs);
  // A dates-only deployment's span ends at the midnight after retrieval day.
  const retrieval = day(deployment.datesOnly ? span.toMs - 1 : span.toMs);
  const periods = problems.map((p) => {
    const text = t(p.reason ? 'setup.problems.periodWithReason' : 'setup.problems.period', { from: formatReading(p.from, locale), to: formatReading(p.to, locale), reason: p.reason });
    const fromMs = problemFromMs(p.from);
    const toMs = problemToMs(p.to);
    const left = fromMs === null ? 0 : percentOf(fromMs, span.fromMs, span.toMs);
    const right = toMs === null ? 100 : percentOf(toMs, span.fromMs, span.toMs);
    return { id: p.problemID, text, left, width: Math.max(right - left, 0.5) };
  });
  const label = [t('setup.problems.timelineLabel', { from: setup, to: retrieval }), periods.length === 0 ? t('setup.problems.noneOnTimeline') : t('setup.problems.offOnTimeline', { periods: periods.map((p) => p.text).join('; ') })].join(' ');
  return (
    <div className="deployment-timeline" data-testid="deployment-timeline">
      <div className="timeline-bar" role="img" aria-label={label}>
        {periods.map((p) => (
          <span key={p.id} className="timeline-problem" style={{ left: `${p.left}%`, width: `${p.width}%` }} title={p.text} data-testid="timeline-problem" />
        ))}
      </div>
      <div className="timeline-ends" aria-hidden="true">
        <span>{t('setup.problems.setupDay', { day: setup })}</span>
        <span>{t('setup.problems.retrievalDay', { day: retrieval })}</span>
      </div>
    </div>
  );
}
