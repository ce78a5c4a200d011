import { type JSX, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSort, stationRows, type StationColumn, type StationSort } from './station-rows.ts';
import type { StationActivity } from '../../../electron/backend/analysis/contract.ts';
import { formatNumber } from '../../components/locale-format.ts';
import { useRemembered } from '../../components/use-remembered.ts';
import './station-table.css';

const columns: StationColumn[] = ['name', 'events', 'trapNights', 'rai'];

/**
 * Every station with its numbers beside the map, in a box of its own that scrolls, so that a
 * project of hundreds of stations never pushes the map out of sight. A row chosen here or a
 * station chosen on the map is the one whose details show.
 */
export function StationTable({
  stations,
  selected,
  onSelect,
  compact,
}: {
  stations: readonly StationActivity[] | undefined;
  selected: string | null;
  onSelect: (locationID: string) => void;
  /** A station's details share the column: the table keeps a few rows. */
  compact: boolean;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useRemembered('map.stationTable.open', true);
  const [sort, setSort] = useRemembered<StationSort>('map.stationTable.sort', { column: 'name', descending: false });
  const [search, setSearch] = useState('');
  const rows = useMemo(() => stationRows(stations ?? [], search, sort, i18n.language), [stations, search, sort, i18n.language]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const bodyId = useId();
  const label: Record<StationColumn, string> = {
    name: t('map.stationTable.name'),
    events: t('map.stationTable.events'),
    trapNights: t('map.stationTable.trapNights'),
    rai: t('map.stationTable.rai'),
  };

  // A station chosen on the map is brought into view in the table, even one the search had left out.
  const reveal = useRef<string | null>(null);
  const before = useRef<string | null>(selected);
  useEffect(() => {
    reveal.current = selected;
    if (selected && !rows.some((s) => s.locationID === selected)) setSearch('');
    // Its details closed, the keyboard goes back to the row it came from rather than to the page's top.
    if (!selected && before.current && document.activeElement === document.body) buttons.current.get(before.current)?.focus();
    before.current = selected;
    // Only a new choice moves the table: typing a search must not, so the rows are not watched here.
  }, [selected]);
  useEffect(() => {
    const button = reveal.current ? buttons.current.get(reveal.current) : undefined;
    if (!button) return;
    button.scrollIntoView({ block: 'nearest' });
    reveal.current = null;
  });

  const sortState = (c: StationColumn) => (sort.column === c ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const searching = search.trim() !== '';
  return (
    <section className={`station-table${open ? '' : ' closed'}${compact ? ' compact' : ''}`} aria-label={t('map.stations')} data-testid="station-table">
      <button type="button" className="station-table-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)} data-testid="station-table-toggle">
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('map.stationTable.heading', { count: stations?.length ?? 0 })}
      </button>
      <div id={bodyId} className="station-table-body" hidden={!open}>
        <div className="station-table-search">
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            // Enter chooses the first station found, as the search's way of submitting.
            onKeyDown={(e) => {
              if (e.key === 'Enter' && rows[0]) onSelect(rows[0].locationID);
            }}
            placeholder={t('map.stationTable.search')}
            aria-label={t('map.stationTable.search')}
            data-testid="station-search"
          />
          {searching ? (
            <span role="status" className="muted" data-testid="station-search-count">
              {t('map.stationTable.found', { shown: rows.length, count: stations?.length ?? 0 })}
            </span>
          ) : null}
        </div>
        <div className="station-table-scroll">
          <table className="table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" aria-sort={sortState(c)} className={c === 'name' ? undefined : 'num'}>
                    <button type="button" onClick={() => setSort((s) => nextSort(s, c))} title={t('map.stationTable.sortBy', { column: label[c] })} data-testid={`station-sort-${c}`}>
                      {label[c]}
                      <span aria-hidden="true">{sortState(c) === 'ascending' ? ' ▲' : sortState(c) === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                // The whole row answers a click; the keyboard reaches its button, whose click comes here too.
                <tr key={s.locationID} className={s.locationID === selected ? 'chosen' : undefined} onClick={() => onSelect(s.locationID)} data-testid="station-row">
                  <th scope="row">
                    <button
                      type="button"
                      ref={(b) => {
                        if (b) buttons.current.set(s.locationID, b);
                        else buttons.current.delete(s.locationID);
                      }}
                      aria-current={s.locationID === selected ? 'true' : undefined}
                      title={s.locationName}
                      data-testid="station"
                    >
                      {s.locationName}
                      <span className="visually-hidden">: {t('map.rai', { rai: s.rai, events: s.events, nights: s.trapNights })}</span>
                    </button>
                  </th>
                  <td className="num">{formatNumber(s.events, i18n.language)}</td>
                  <td className="num">{formatNumber(s.trapNights, i18n.language, 1)}</td>
                  <td className="num">{formatNumber(s.rai, i18n.language, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {stations && stations.length === 0 ? <p className="muted">{t('map.stationTable.none')}</p> : null}
          {searching && rows.length === 0 && stations?.length ? <p className="muted">{t('map.stationTable.noMatch', { text: search.trim() })}</p> : null}
        </div>
      </div>
    </section>
  );
}
