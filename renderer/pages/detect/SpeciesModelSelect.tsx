import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierInfo } from '../../../electron/backend/detect/contract.ts';
import { Field } from '../../components/Field.tsx';

/** The species models a job can run after detection; "none" finds animals only. A stand-in says it is one. */
export function SpeciesModelSelect({ classifiers, value, onChange, testId }: { classifiers: ClassifierInfo[]; value: string; onChange: (id: string) => void; testId: string }): JSX.Element {
  const { t } = useTranslation();
  const chosen = classifiers.find((c) => c.id === value);
  return (
    <>
      <Field label={t('detect.speciesModel')}>
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          <option value="">{t('detect.speciesNone')}</option>
          {classifiers.map((c) => (
            <option key={c.id} value={c.id}>
              {t('detect.speciesOption', { name: c.name, count: c.species, licence: c.licence })}
            </option>
          ))}
        </select>
      </Field>
      {chosen?.development ? (
        <p className="banner warning" role="note" data-testid="development-classifier">
          {t('detect.developmentClassifier')}
        </p>
      ) : null}
    </>
  );
}
