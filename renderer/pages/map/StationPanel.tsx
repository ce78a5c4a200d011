import { type JSX, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityPanel, TimeScaleChoice } from './ActivityPanel.tsx';
import { BarChart, DensityChart } from './DielChart.tsx';
import { useFigureCaption } from './export-image.ts';
import { OpenImagesContext, taxonFilters } from './open-images.ts';
import { StationEffortNote } from './StationEffortNote.tsx';
import { taxonLabel } from './taxon-label.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export function StationPanel({ locationID, taxon, from, to }: { locationID: string; taxon: string; from?: string; to?: string }): JSX.Element {
  const { t, i18n } = useTranslation();
  const detail = useCall('map.station', { locationID, taxon, from, to });
  const d = detail.data;
  const [timeScale, setTimeScale] = useState<'clock' | 'sun'>('clock');
  const curve = useCall('activity.diel', { taxon, locationID, from, to, timeScale }).data;
  const shownTaxa = useMemo(() => d?.eventsByTaxon.map((e) => e.taxon) ?? [], [d]);
  const names = useCall('activity.names', { taxa: shownTaxa, language: i18n.language }).data;
  const curveSeries = useMemo(() => (curve ? [{ label: taxonLabel(taxon, names), density: curve.density, color: '#2f6b3f' }] : []), [curve, taxon, names]);
  const deployments = useCall('deployment.list', {}).data;
  const openImages = useContext(OpenImagesContext);
  // The Images page filters by one deployment: a station with several shows all of them there.
  const here = deployments?.filter((x) => x.locationID === locationID) ?? [];
  const stationFilters = { deploymentID: here.length === 1 ? (here[0]?.deploymentID ?? '') : '', from: from ?? '', to: to ?? '' };
  const caption = useFigureCaption([`${d?.locationName ?? locationID}: ${taxonLabel(taxon, names)}`], taxon, from, to);
  const figure = (what: string) => ({ caption, name: [what, d?.locationName ?? locationID, taxon.replace(/^species:|^class:/, '')] });
  const months = useMemo(() => d?.overTime.map((m) => m.month) ?? [], [d]);
  const monthValues = useMemo(() => d?.overTime.map((m) => m.events) ?? [], [d]);
  return (
    <aside className="station-panel" data-testid="station-panel">
      <ErrorMessage error={detail.error} />
      {d ? (
        <>
          <h3>{d.locationName}</h3>
          <p>
            {openImages ? (
              <button type="button" className="link" onClick={() => openImages(stationFilters)} title={t('map.showImages')} data-testid="station-trap-nights">
                {t('map.trapNights', { nights: d.trapNights })}
              </button>
            ) : (
              t('map.trapNights', { nights: d.trapNights })
            )}
          </p>
          <StationEffortNote locationID={locationID} />
          <p className="muted">{t('activity.trapNightsWorking')}</p>
          <table className="table" data-testid="station-events">
            <tbody>
              {d.eventsByTaxon.map((e) => (
                <tr key={e.taxon}>
                  <td>{taxonLabel(e.taxon, names)}</td>
                  <td>
                    {openImages ? (
                      <button type="button" className="link" onClick={() => openImages({ ...stationFilters, ...taxonFilters(e.taxon) })} title={t('map.showImages')} data-testid="station-events-link">
                        {t('map.events', { count: e.events })}
                      </button>
                    ) : (
                      t('map.events', { count: e.events })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('map.diel')}</h4>
          <BarChart labels={hours} values={d.diel} label={t('map.diel')} testId="diel-chart" exportAs={figure('diel-hours')} />
          <h4>{t('activity.curveHeading')}</h4>
          <TimeScaleChoice value={timeScale} onChange={setTimeScale} name="station-diel" />
          {curve && curve.density.length ? (
            <DensityChart hours={curve.hours} series={curveSeries} label={t('activity.curveHeading')} testId="diel-density" exportAs={figure(`diel-curve-${timeScale}`)} />
          ) : (
            <p className="muted">{t('activity.noCurve', { count: curve?.records ?? 0 })}</p>
          )}
          <h4>{t('map.overTime')}</h4>
          <BarChart labels={months} values={monthValues} label={t('map.overTime')} testId="time-chart" exportAs={figure('events-by-month')} />
          <h4>{t('map.latest')}</h4>
          <div className="row wrap">
            {d.latestMediaIDs.map((id) => (
              <img key={id} src={api.mediaUrl('thumb', id)} alt="" width={120} height={84} className="station-thumb" />
            ))}
          </div>
          <details data-testid="activity-details">
            <summary>{t('activity.heading')}</summary>
            <ActivityPanel from={from} to={to} />
          </details>
        </>
      ) : null}
    </aside>
  );
}
