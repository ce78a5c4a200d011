import { type JSX, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MapSync, SmallMultipleMap } from './SmallMultipleMap.tsx';
import type { StationActivity } from '../../../electron/backend/analysis/contract.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { numberFormat } from '../../components/intl-formats.ts';
import { percent } from '../../components/percent.ts';
import { useCall } from '../../components/use-call.ts';
import './species-multiples.css';

/**
 * Up to four species or classes side by side as small maps that move together, every circle on
 * one scale: from people's labels only, or with the detector's results; raw independent events or
 * events per 100 trap nights.
 */
export function SpeciesMultiples({ taxa, from, to, taxonName }: { taxa: string[]; from: string | undefined; to: string | undefined; taxonName: (taxon: string) => string }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [withDetector, setWithDetector] = useState(false);
  const [perNights, setPerNights] = useState(true);
  const result = useCall('map.multiples', { taxa, withDetector, from, to });
  const sync = useMemo<MapSync>(() => ({ maps: new Set(), moving: false }), []);
  const value = useCallback((s: StationActivity) => (perNights ? s.rai : s.events), [perNights]);
  const panels = result.data?.panels ?? [];
  const largest = Math.max(0, ...panels.flatMap((p) => p.stations.map(value)));
  const number = (n: number) => numberFormat(i18n.language, { maximumFractionDigits: 2 }).format(n);
  const unit = perNights ? t('multiples.perNights') : t('multiples.events');
  const thresholds = (result.data?.thresholds ?? []).map((x) => `${number(x * 100)} %`).join(', ');
  const describe = useCallback(
    (s: StationActivity) => `${s.locationName}: ${perNights ? t('map.rai', { rai: s.rai, events: s.events, nights: s.trapNights }) : t('map.events', { count: s.events })}`,
    [perNights, t],
  );
  return (
    <section className="species-multiples" aria-label={t('multiples.heading')} data-testid="multiples">
      <div className="row wrap multiples-controls">
        <fieldset className="row">
          <legend>{t('multiples.source')}</legend>
          <label className="check">
            <input type="radio" name="multiples-source" checked={!withDetector} onChange={() => setWithDetector(false)} data-testid="multiples-people" /> {t('multiples.people')}
          </label>
          <label className="check">
            <input type="radio" name="multiples-source" checked={withDetector} onChange={() => setWithDetector(true)} data-testid="multiples-detector" />{' '}
            {thresholds ? t('multiples.detector', { threshold: thresholds }) : t('multiples.detectorNone')}
          </label>
        </fieldset>
        <fieldset className="row">
          <legend>{t('multiples.measure')}</legend>
          <label className="check">
            <input type="radio" name="multiples-measure" checked={!perNights} onChange={() => setPerNights(false)} data-testid="multiples-raw" /> {t('multiples.events')}
          </label>
          <label className="check">
            <input type="radio" name="multiples-measure" checked={perNights} onChange={() => setPerNights(true)} data-testid="multiples-per-nights" /> {t('multiples.perNights')}
          </label>
        </fieldset>
      </div>
      <ErrorMessage error={result.error} />
      <p className="muted" data-testid="multiples-scale">
        {largest > 0 ? t('multiples.scale', { largest: number(largest), unit }) : t('multiples.scaleNone', { unit })} {t('multiples.colours')}
      </p>
      {result.data?.machineSpecies.include ? (
        <p className="legend-machine" data-testid="multiples-machine">
          {t('mapLegend.machine', { percent: percent(result.data.machineSpecies.threshold, i18n.language) })}
        </p>
      ) : null}
      <div className="multiples-grid" style={{ gridTemplateColumns: `repeat(${panels.length === 4 ? 2 : Math.max(1, panels.length)}, minmax(0, 1fr))` }}>
        {panels.map((p) => (
          <SmallMultipleMap key={p.taxon} title={`${taxonName(p.taxon)}: ${unit}${p.taxon.startsWith('class:') && !withDetector ? ` (${t('multiples.classNeedsDetector')})` : ''}`} stations={p.stations} value={value} largest={largest} describe={describe} sync={sync} />
        ))}
      </div>
    </section>
  );
}
