import { type JSX, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetectionHistoryForm } from './DetectionHistoryForm.tsx';
import { DensityChart } from './DielChart.tsx';
import { useFigureCaption } from './export-image.ts';
import { taxonLabel } from './taxon-label.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

type TimeScale = 'clock' | 'sun';

/** Clock or sun time: one choice shared by the curves it governs. */
export function TimeScaleChoice({ value, onChange, name }: { value: TimeScale; onChange: (v: TimeScale) => void; name: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset className="row" data-testid={`${name}-scale`}>
      <legend>{t('activity.timeScale')}</legend>
      {(['clock', 'sun'] as const).map((s) => (
        <label key={s} className="check">
          <input type="radio" name={name} checked={value === s} onChange={() => onChange(s)} /> {t(`activity.scale.${s}`)}
        </label>
      ))}
    </fieldset>
  );
}

function Overlap({ a, b, timeScale, names, from, to }: { a: string; b: string; timeScale: TimeScale; names: Record<string, string | null> | undefined; from?: string; to?: string }): JSX.Element {
  const { t } = useTranslation();
  const result = useCall('activity.overlap', { taxonA: a, taxonB: b, timeScale, from, to });
  const o = result.data;
  const series = useMemo(
    () =>
      o
        ? [
            { label: taxonLabel(a, names), density: o.a.density, color: '#1d2a22' },
            { label: taxonLabel(b, names), density: o.b.density, color: '#2b6cb0', dashed: true },
          ]
        : [],
    [o, a, b, names],
  );
  const caption = useFigureCaption([taxonLabel(a, names), taxonLabel(b, names)], a, from, to);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!o) return <p className="muted">{t('activity.computing')}</p>;
  const hours = o.a.hours.length ? o.a.hours : o.b.hours;
  const estimate = o.estimate === null ? null : t('activity.overlapIs', { value: o.estimate.toFixed(2), estimator: o.estimator === 'Dhat1' ? 'Δ1' : 'Δ4', a: o.a.records, b: o.b.records });
  const interval = o.interval ? t('activity.interval', { lower: o.interval.lower.toFixed(2), upper: o.interval.upper.toFixed(2), bootstraps: o.interval.bootstraps }) : null;
  const figure = { caption: estimate ? [...caption, [estimate, interval].filter(Boolean).join(' ')] : caption, name: ['diel-overlap', timeScale, a.replace(/^species:|^class:/, ''), b.replace(/^species:|^class:/, '')] };
  return (
    <div data-testid="overlap-result" data-estimate={o.estimate ?? ''}>
      {o.estimate === null ? (
        <p>{t('activity.tooFew', { a: o.a.records, b: o.b.records })}</p>
      ) : (
        <p role="status" data-testid="overlap-value">
          {estimate} {interval}
        </p>
      )}
      {hours.length && o.a.density.length && o.b.density.length ? <DensityChart hours={hours} series={series} label={t('activity.overlapChart')} testId="overlap-chart" exportAs={figure} /> : null}
      <p className="muted">{t('activity.overlapExplained')}</p>
    </div>
  );
}

/**
 * Two species' daily activity side by side with their overlap, naïve occupancy of every species,
 * and the detection history for occupancy models: the statistics ecologists read.
 */
function TaxonSelect(props: { label: string; value: string; onChange: (taxon: string) => void; taxa: string[]; names: Record<string, string | null> | undefined; testId: string }): JSX.Element {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.taxa.map((x) => (
          <option key={x} value={x}>
            {taxonLabel(x, props.names)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ActivityPanel({ from, to }: { from?: string; to?: string }): JSX.Element {
  const { t, i18n } = useTranslation();
  const occupancy = useCall('activity.occupancy', { from, to });
  const taxa = useMemo(() => occupancy.data?.taxa.map((x) => x.taxon) ?? [], [occupancy.data]);
  const names = useCall('activity.names', { taxa, language: i18n.language }).data;
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [timeScale, setTimeScale] = useState<TimeScale>('clock');
  const chosenA = a || taxa[0] || '';
  const chosenB = b || taxa[1] || '';
  return (
    <section className="activity-panel" aria-labelledby="activity-title" data-testid="activity-panel">
      <h4 id="activity-title">{t('activity.heading')}</h4>
      <ErrorMessage error={occupancy.error} />
      <div className="row wrap">
        <TaxonSelect label={t('activity.speciesA')} value={chosenA} onChange={setA} taxa={taxa} names={names} testId="overlap-a" />
        <TaxonSelect label={t('activity.speciesB')} value={chosenB} onChange={setB} taxa={taxa} names={names} testId="overlap-b" />
      </div>
      <TimeScaleChoice value={timeScale} onChange={setTimeScale} name="overlap" />
      {chosenA && chosenB && chosenA !== chosenB ? <Overlap a={chosenA} b={chosenB} timeScale={timeScale} names={names} from={from} to={to} /> : <p className="muted">{t('activity.chooseTwo')}</p>}
      <h4>{t('activity.occupancy.heading')}</h4>
      <p className="muted">{t('activity.occupancy.explained', { count: occupancy.data?.stations ?? 0 })}</p>
      <table className="table" data-testid="occupancy-table">
        <tbody>
          {occupancy.data?.taxa.map((x) => (
            <tr key={x.taxon}>
              <td>{taxonLabel(x.taxon, names)}</td>
              <td>{t('activity.occupancy.share', { stations: x.stations, percent: Math.round(x.occupancy * 100) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DetectionHistoryForm taxon={chosenA} from={from} to={to} />
    </section>
  );
}
