import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { useCall } from '../../components/use-call.ts';
import { addBasemap } from './basemap.ts';
import { StationPanel } from './StationPanel.tsx';

/** Stations drawn by relative abundance of a species or class on a map that ships with the app. */
export function MapPage() {
  const { t } = useTranslation();
  const [taxon, setTaxon] = useState('class:animal');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [mbtiles, setMbtiles] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const range = { from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined, to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined };
  const activity = useCall('map.activity', { taxon, ...range });
  const layers = useCall('map.layers', {});
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const stationsLayer = useRef<L.LayerGroup | null>(null);
  const renderer = useRef<L.Renderer | null>(null);

  useEffect(() => {
    if (!element.current || map.current) return;
    renderer.current = L.canvas();
    map.current = L.map(element.current, { renderer: renderer.current, preferCanvas: true, worldCopyJump: true, attributionControl: false }).setView([20, 0], 2);
    addBasemap(map.current);
    stationsLayer.current = L.layerGroup().addTo(map.current);
    return () => {
      map.current?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !layers.data) return;
    const added = layers.data.map((l) =>
      L.tileLayer(`${api.mediaUrl('tiles', l.layerId)}/{z}/{x}/{y}`, {
        minZoom: 0,
        maxZoom: 22,
        minNativeZoom: l.minZoom,
        maxNativeZoom: l.maxZoom,
        ...(l.bounds ? { bounds: L.latLngBounds([l.bounds[1], l.bounds[0]], [l.bounds[3], l.bounds[2]]) } : {}),
      }).addTo(m),
    );
    return () => added.forEach((a) => a.remove());
  }, [layers.data]);

  useEffect(() => {
    const group = stationsLayer.current;
    const m = map.current;
    const stations = activity.data?.stations;
    if (!group || !m || !stations) return;
    group.clearLayers();
    const max = Math.max(1, ...stations.map((s) => s.rai));
    for (const s of stations) {
      L.circleMarker([s.latitude, s.longitude], { renderer: renderer.current ?? undefined, radius: 5 + 18 * Math.sqrt(s.rai / max), color: '#1d2a22', weight: 1, fillColor: s.events > 0 ? '#f0b429' : '#ffffff', fillOpacity: 0.85 })
        .bindTooltip(`${s.locationName}: ${t('map.rai', { rai: s.rai, events: s.events, nights: s.trapNights })}`)
        .on('click', () => setSelected(s.locationID))
        .addTo(group);
    }
    if (stations.length > 0 && !selected) m.fitBounds(L.latLngBounds(stations.map((s) => [s.latitude, s.longitude])).pad(0.5), { maxZoom: 12 });
  }, [activity.data, selected, t]);

  const importTiles = async () => {
    const r = await api.call('map.importMbtiles', { file: mbtiles });
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      layers.reload();
      if (r.value.bounds) map.current?.fitBounds([[r.value.bounds[1], r.value.bounds[0]], [r.value.bounds[3], r.value.bounds[2]]]);
    }
  };

  return (
    <div className="map-page">
      <div className="row wrap pad map-controls">
        <Field label={t('map.taxon')}>
          <select value={taxon} onChange={(e) => setTaxon(e.target.value)} data-testid="map-taxon">
            {[...new Set(['class:animal', 'class:person', 'class:vehicle', ...(activity.data?.taxa ?? [])])].map((x) => (
              <option key={x} value={x}>
                {x.startsWith('species:') ? x.slice(8) : t(`detect.category.${x.slice(6)}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('detect.from')}>
          <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="2021-01-01" size={11} />
        </Field>
        <Field label={t('detect.to')}>
          <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="2021-12-31" size={11} />
        </Field>
        <Field label={t('map.mbtiles')}>
          <input value={mbtiles} onChange={(e) => setMbtiles(e.target.value)} size={30} data-testid="mbtiles-path" />
        </Field>
        <button disabled={!mbtiles.trim()} onClick={() => void importTiles()} data-testid="mbtiles-import">
          {t('map.importMbtiles')}
        </button>
        <span className="muted">{activity.data ? t('map.independence', { minutes: activity.data.independenceMinutes }) : null}</span>
      </div>
      <ErrorMessage error={error ?? activity.error} />
      <ul className="plain row wrap station-list" aria-label={t('map.stations')}>
        {activity.data?.stations.map((s) => (
          <li key={s.locationID}>
            <button className={selected === s.locationID ? 'active-station' : ''} onClick={() => setSelected(s.locationID)} data-testid="station">
              {s.locationName}: {t('map.rai', { rai: s.rai, events: s.events, nights: s.trapNights })}
            </button>
          </li>
        ))}
      </ul>
      <div className="map-body">
        <div ref={element} className="map" data-testid="map" />
        {selected ? <StationPanel locationID={selected} taxon={taxon} {...range} /> : null}
      </div>
    </div>
  );
}
