import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { RobotIcon } from './RobotIcon.tsx';
import type { MachineSuggestion } from '../../../electron/backend/library/contract.ts';
import { percent } from '../../components/percent.ts';

type Suggested = Pick<MachineSuggestion, 'name' | 'observationType' | 'conf'>;

/** What the model named, with its probability: "red fox 87%"; empty, people and vehicles in the person's language. */
export function useSuggestionText(): (s: Suggested) => string {
  const { t, i18n } = useTranslation();
  return (s) => t('suggestion.nameAndConf', { name: s.name ?? t(`review.type.${s.observationType}`), conf: percent(s.conf, i18n.language) });
}

/**
 * The species model's answer on a tile, marked as the machine's (robot, dashed outline, "suggested")
 * so it never passes for a person's label.
 */
export function SuggestionTag({ suggestions }: { suggestions: MachineSuggestion[] }): JSX.Element {
  const { t } = useTranslation();
  const text = useSuggestionText();
  const said = suggestions.map(text).join(', ');
  return (
    <span className="machine-suggestion tile-suggestion" data-testid="tile-suggestion" title={t('suggestion.help', { said })}>
      <RobotIcon />
      <span className="visually-hidden">{t('suggestion.suggested')}: </span>
      {said}
    </span>
  );
}
