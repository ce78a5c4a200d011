import { type JSX, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from './DielChart.tsx';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export function StationPanel({ locationID, taxon, from, to }: { locationID: string; taxon: string; from?: string; to?: string }): JSX.Element {
  const { t } = useTranslation();
  const detail = useCall('map.station', { locationID, taxon, from, to });
  const d = detail.data;
  const months = useMemo(() => d?.overTime.map((m) => m.month) ?? [], [d]);
  const monthValues = useMemo(() => d?.overTime.map((m) => m.events) ?? [], [d]);
  return (
    <aside className="station-panel" data-testid="station-panel">
      <ErrorMessage error={detail.error} />
      {d ? (
        <>
          <h3>{d.locationName}</h3>
          <p>{t('map.trapNights', { nights: d.trapNights })}</p>
          <table className="table" data-testid="station-events">
            <tbody>
              {d.eventsByTaxon.map((e) => (
                <tr key={e.taxon}>
                  <td>{e.taxon.replace(/^species:|^class:/, '')}</td>
                  <td>{t('map.events', { count: e.events })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('map.diel')}</h4>
          <BarChart labels={hours} values={d.diel} label={t('map.diel')} testId="diel-chart" />
          <h4>{t('map.overTime')}</h4>
          <BarChart labels={months} values={monthValues} label={t('map.overTime')} testId="time-chart" />
          <h4>{t('map.latest')}</h4>
          <div className="row wrap">
            {d.latestMediaIDs.map((id) => (
              <img key={id} src={api.mediaUrl('thumb', id)} alt="" width={120} height={84} className="station-thumb" />
            ))}
          </div>
        </>
      ) : null}
    </aside>
  );
}
