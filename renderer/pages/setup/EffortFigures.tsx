import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { displayLocale } from './display-locale.ts';
import type { DeploymentEffortRow } from '../../../electron/backend/analysis/contract.ts';
import { formatNumber } from '../../components/locale-format.ts';

/** A deployment's effort as camtrapR's surveyReport gives it, and the rule that counted it. */
export function EffortFigures({ effort }: { effort: DeploymentEffortRow }): JSX.Element {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, displayLocale(i18n.language), 2);
  return (
    <dl className="effort-figures" data-testid="effort-figures">
      <div>
        <dt>{t('setup.problems.calendarDays')}</dt>
        <dd data-testid="effort-calendar-days">{n(effort.calendarDays)}</dd>
      </div>
      <div>
        <dt>{t('setup.problems.activeDays')}</dt>
        <dd data-testid="effort-active-days">{n(effort.activeDays)}</dd>
      </div>
      <div>
        <dt>{t('setup.problems.trapNights')}</dt>
        <dd data-testid="effort-trap-nights">{n(effort.trapNights)}</dd>
      </div>
      <div>
        <dt>{t('setup.problems.rule')}</dt>
        <dd data-testid="effort-rule">{t(effort.rule === 'dates' ? 'setup.problems.ruleDates' : 'setup.problems.ruleTimes')}</dd>
      </div>
    </dl>
  );
}
