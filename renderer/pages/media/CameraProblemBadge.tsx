import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

/** A picture taken inside a camera problem period: its date or the period is likely wrong, worth a look. */
export function CameraProblemBadge({ className }: { className: string }): JSX.Element {
  const { t } = useTranslation();
  const help = t('media.cameraProblemHelp');
  return (
    <span className={className} title={help} data-testid="camera-problem-badge">
      {t('media.cameraProblem')}
      <span className="visually-hidden">: {help}</span>
    </span>
  );
}
