import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndependenceComparedTo, MachineSpecies } from '../../../electron/backend/analysis/contract.ts';
import { numberFormat } from '../../components/intl-formats.ts';
import { percent } from '../../components/percent.ts';
import './map-legend.css';

/** What the circles on the map mean, in words, for the taxon and interval shown, and whether the machine's species are counted. */
export function MapLegend({
  taxon,
  largest,
  minutes,
  comparedTo,
  heat,
  machine,
}: {
  taxon: string;
  largest: number;
  minutes: number | undefined;
  comparedTo?: IndependenceComparedTo | undefined;
  heat: boolean;
  machine?: MachineSpecies | undefined;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { maximumFractionDigits: 2 }).format(largest);
  return (
    <section className="map-legend" aria-label={t('mapLegend.heading')} data-testid="map-legend">
      <h3>{t('mapLegend.heading')}</h3>
      {heat ? (
        <p>
          <span className="legend-heat" aria-hidden="true" /> {t('mapLegend.heat', { taxon })}
        </p>
      ) : (
        <>
          <p className="legend-sizes">
            <span className="legend-circle" style={{ width: 10, height: 10 }} aria-hidden="true" />
            <span className="legend-circle" style={{ width: 46, height: 46 }} aria-hidden="true" />
            <span>{largest > 0 ? t('mapLegend.size', { taxon, largest: number }) : t('mapLegend.sizeNone', { taxon })}</span>
          </p>
          <p>
            <span className="legend-circle" aria-hidden="true" /> {t('mapLegend.someEvents')}
          </p>
          <p>
            <span className="legend-circle legend-none" aria-hidden="true" /> {t('mapLegend.noEvents')}
          </p>
          <p>
            <span className="legend-circle legend-group" aria-hidden="true" /> {t('mapLegend.group')}
          </p>
        </>
      )}
      <p className="muted">{t('mapLegend.trapNightsWorking')}</p>
      {minutes === undefined ? null : <p className="muted">{t(comparedTo === 'lastIndependentRecord' ? 'mapLegend.independenceFromFirst' : 'mapLegend.independence', { minutes })}</p>}
      {machine?.include ? (
        <p className="legend-machine" data-testid="legend-machine">
          {t('mapLegend.machine', { percent: percent(machine.threshold, i18n.language) })}
        </p>
      ) : null}
    </section>
  );
}
