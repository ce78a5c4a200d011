import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamsOf } from '../../../electron/backend/api/contract.ts';
import { Field } from '../../components/Field.tsx';
import { useCall } from '../../components/use-call.ts';

export type MediaSort = NonNullable<ParamsOf<'media.page'>['sort']>;

const sorts: readonly MediaSort[] = ['time', 'predicted', 'uncertain'];

/** The grid by the species model's answers: only one predicted species, and in which order. */
export function PredictionFilters({ predicted, sort, onChange }: { predicted: string; sort: MediaSort; onChange: (change: { predicted?: string; sort?: MediaSort }) => void }): JSX.Element {
  const { t } = useTranslation();
  const species = useCall('review.predictedSpecies', {});
  return (
    <>
      <Field label={t('suggestion.predicted')}>
        <select value={predicted} onChange={(e) => onChange({ predicted: e.target.value })} data-testid="filter-predicted">
          <option value="">{t('suggestion.anyPredicted')}</option>
          {species.data?.map((s) => (
            <option key={s.scientificName} value={s.scientificName}>
              {s.name ? `${s.name} (${s.scientificName})` : s.scientificName}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('suggestion.sort')}>
        <select value={sort} onChange={(e) => onChange({ sort: e.target.value as MediaSort })} data-testid="media-sort">
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`suggestion.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
