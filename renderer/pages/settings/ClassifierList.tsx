import { type JSX, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

/** The installed species classifiers, apart from the detectors: what each names and whether it is a real one. */
export function ClassifierList(): JSX.Element {
  const { t } = useTranslation();
  const classifiers = useCall('models.classifiers', {});
  const { reload } = classifiers;
  useEffect(() => api.on('models.installed', reload), [reload]);
  return (
    <section aria-labelledby="classifiers-heading" data-testid="classifiers-panel">
      <h4 id="classifiers-heading">{t('models.classifiersHeading')}</h4>
      <ErrorMessage error={classifiers.error} />
      {classifiers.data?.length === 0 ? <p className="muted">{t('models.classifiersNone')}</p> : null}
      <ul className="plain" data-testid="classifiers-installed">
        {classifiers.data?.map((c) => (
          <li key={c.id} data-testid={`classifier-${c.id}`}>
            {t('models.model', { name: c.name, version: c.version })}
            {c.licence ? <span className="muted"> — {t('models.licence', { licence: c.licence })}</span> : null}
            {c.labels > 0 ? <span className="muted"> — {t('models.classifierLabels', { count: c.labels, species: c.species })}</span> : null}
            {c.problem ? <span className="muted"> — {c.problem}</span> : null}
            {c.development ? (
              <p className="banner warning" role="note">
                {t('models.classifierDevelopment')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
