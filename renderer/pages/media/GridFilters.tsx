import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { PredictionFilters, type MediaSort } from './PredictionFilters.tsx';
import type { ParamsOf } from '../../../electron/backend/api/contract.ts';
import { Field } from '../../components/Field.tsx';
import { NarrowableSelect } from '../../components/NarrowableSelect.tsx';
import { percent } from '../../components/percent.ts';
import { useCall } from '../../components/use-call.ts';

export interface Filters {
  deploymentID: string;
  from: string;
  to: string;
  category: '' | 'animal' | 'person' | 'vehicle';
  scientificName: string;
  reviewed: '' | 'yes' | 'no';
  threshold: number;
  hideEmpty: boolean;
  /** A species the model predicted, and the grid's order. */
  predicted: string;
  sort: MediaSort;
}

export const noFilters: Filters = { deploymentID: '', from: '', to: '', category: '', scientificName: '', reviewed: '', threshold: 0.35, hideEmpty: false, predicted: '', sort: 'time' };

const day = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The filters as the backend's media.page takes them; half-typed dates are left out. */
export function pageFilter(f: Filters): ParamsOf<'media.page'> {
  return {
    deploymentID: f.deploymentID || undefined,
    from: day(f.from),
    to: day(f.to),
    category: f.category || undefined,
    threshold: f.category ? f.threshold : undefined,
    scientificName: f.scientificName || undefined,
    reviewed: f.reviewed === '' ? undefined : f.reviewed === 'yes',
    hideEmptyBelow: f.hideEmpty ? f.threshold : undefined,
    predicted: f.predicted || undefined,
    sort: f.sort,
  };
}

export function GridFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const deployments = useCall('deployment.list', {});
  const species = useCall('species.list', { query: '', limit: 500 });
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="row wrap filters">
      <Field label={t('import.deployment')}>
        <NarrowableSelect
          value={value.deploymentID}
          onChange={(v) => set('deploymentID', v)}
          choices={(deployments.data ?? []).map((d) => ({ value: d.deploymentID, label: `${d.deploymentID} · ${d.locationName}` }))}
          all={t('media.allDeployments')}
          name={t('import.deployment')}
          testId="media-deployment"
        />
      </Field>
      <Field label={t('detect.from')}>
        <input value={value.from} onChange={(e) => set('from', e.target.value)} type="date" />
      </Field>
      <Field label={t('detect.to')}>
        <input value={value.to} onChange={(e) => set('to', e.target.value)} type="date" />
      </Field>
      <Field label={t('media.class')}>
        <select value={value.category} onChange={(e) => set('category', e.target.value as Filters['category'])} data-testid="filter-class">
          <option value="">{t('media.anyClass')}</option>
          {(['animal', 'person', 'vehicle'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`detect.category.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('review.species')}>
        <NarrowableSelect
          value={value.scientificName}
          onChange={(v) => set('scientificName', v)}
          choices={(species.data ?? []).map((s) => ({ value: s.scientificName, label: `${s.scientificName}${s.vernacularName ? ` (${s.vernacularName})` : ''}` }))}
          all={t('media.anySpecies')}
          name={t('review.species')}
          testId="filter-species"
        />
      </Field>
      <PredictionFilters predicted={value.predicted} sort={value.sort} onChange={(change) => onChange({ ...value, ...change })} />
      <Field label={t('media.reviewed')}>
        <select value={value.reviewed} onChange={(e) => set('reviewed', e.target.value as Filters['reviewed'])} data-testid="filter-reviewed">
          <option value="">{t('media.reviewedAny')}</option>
          <option value="yes">{t('media.reviewedYes')}</option>
          <option value="no">{t('media.reviewedNo')}</option>
        </select>
      </Field>
      <label className="row">
        <span title={t('detect.thresholdHelp')}>{t('detect.threshold')}</span>
        <input type="range" min={0.05} max={0.95} step={0.05} value={value.threshold} onChange={(e) => set('threshold', Number(e.target.value))} data-testid="threshold" aria-valuetext={percent(value.threshold, i18n.language)} />
        <span>{percent(value.threshold, i18n.language)}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={value.hideEmpty} onChange={(e) => set('hideEmpty', e.target.checked)} data-testid="hide-empty" /> {t('detect.hideEmpty')}
      </label>
    </div>
  );
}
