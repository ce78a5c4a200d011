import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareChooser } from './CompareChooser.tsx';
import { drawStations } from './draw-stations.ts';
import { MapExportButton } from './ExportImageButton.tsx';
import { contextZoom, fitPadding, stationBounds } from './fit-view.ts';
import { MachineSpeciesToggle } from './MachineSpeciesToggle.tsx';
import { MapLegend } from './MapLegend.tsx';
import { OverviewInset } from './OverviewInset.tsx';
import { pmtilesLayer } from './pmtiles-layer.ts';
import { SpeciesMultiples } from './SpeciesMultiples.tsx';
import { StationPanel } from './StationPanel.tsx';
import { StationTable } from './StationTable.tsx';
import { asText } from './text-tooltip.ts';
import { TimeSlider } from './TimeSlider.tsx';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { addBasemap } from '../../components/basemap.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useCall } from '../../components/use-call.ts';

/** Stations drawn by relative abundance of a species or class on a map that ships with the app. */
export function MapPage(): JSX.Element {
  const { t } = useTranslation();
  const [taxon, setTaxon] = useState('class:animal');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [mbtiles, setMbtiles] = useState('');
  const [month, setMonth] = useState<string | null>(null);
  const [heat, setHeat] = useState(false);
  const [zoomed, setZoomed] = useState(0);
  const [error, setError] = useState<RpcError | undefined>();
  const [compared, setCompared] = useState<string[]>([]);
  // Counted again when the machine's species are switched on or off: everything shown reloads.
  const [recounted, setRecounted] = useState(0);
  const comparing = compared.length >= 2;
  const range = month
    ? { from: `${month}-01`, to: new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10) }
    : { from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined, to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined };
  const activity = useCall('map.activity', { taxon, ...range }, String(recounted));
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
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map.current);
    stationsLayer.current = L.layerGroup().addTo(map.current);
    // The column beside the map folds and unfolds: the map measures its frame again.
    const resized = new ResizeObserver(() => map.current?.invalidateSize());
    resized.observe(element.current);
    map.current.on('moveend', (e: L.LeafletEvent) => {
      // Where the map looks, for tests and for reading a screenshot against coordinates.
      const m = e.target as L.Map;
      Object.assign(m.getContainer().dataset, { zoom: String(m.getZoom()), center: `${m.getCenter().lat},${m.getCenter().lng}` });
      setZoomed((n) => n + 1);
    });
    return () => {
      resized.disconnect();
      map.current?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !layers.data) return;
    const added: L.Layer[] = layers.data
      .filter((l) => l.kind === 'tiles')
      .map((l) =>
        L.tileLayer(`${api.mediaUrl('tiles', l.layerId)}/{z}/{x}/{y}`, {
          minZoom: 0,
          maxZoom: 22,
          minNativeZoom: l.minZoom,
          maxNativeZoom: l.maxZoom,
          ...(l.bounds ? { bounds: L.latLngBounds([l.bounds[1], l.bounds[0]], [l.bounds[3], l.bounds[2]]) } : {}),
        }).addTo(m),
      );
    added.push(...layers.data.filter((l) => l.kind === 'pmtiles').map((l) => pmtilesLayer(l, api.mediaUrl('pmtiles', l.layerId)).addTo(m)));
    let live = true;
    for (const l of layers.data.filter((x) => x.kind === 'geojson')) {
      void fetch(api.mediaUrl('overlay', l.layerId))
        .then((r) => r.json() as Promise<GeoJSON.GeoJsonObject>)
        .then((geo) => {
          if (live) added.push(L.geoJSON(geo, { style: { color: '#c2410c', weight: 2, fill: false } }).bindTooltip(asText(l.name)).addTo(m));
        });
    }
    return () => {
      live = false;
      added.forEach((a) => a.remove());
    };
  }, [layers.data]);

  useEffect(() => {
    const group = stationsLayer.current;
    const m = map.current;
    const stations = activity.data?.stations;
    if (!group || !m || !stations) return;
    drawStations(group, m, stations, { heat, describe: (s) => `${s.locationName}: ${t('map.rai', { rai: s.rai, events: s.events, nights: s.trapNights })}`, onSelect: setSelected, selected });
  }, [activity.data, heat, zoomed, t, selected]);

  useEffect(() => {
    // A station chosen in the table may lie outside the part of the map shown.
    const s = activity.data?.stations.find((x) => x.locationID === selected);
    const m = map.current;
    if (s && m && !m.getBounds().contains([s.latitude, s.longitude])) m.panTo([s.latitude, s.longitude]);
    // Only a new choice moves the map, not new counts for the same station: the counts are not watched.
  }, [selected]);

  useEffect(() => {
    // Back from the small multiples, the single map measures its frame again.
    if (!comparing) map.current?.invalidateSize();
  }, [comparing]);

  const fitted = useRef(false);
  useEffect(() => {
    const bounds = stationBounds(activity.data?.stations ?? []);
    if (!map.current || !bounds || fitted.current) return;
    fitted.current = true;
    // Never closer than a zoom that shows the land round the stations, however close they are.
    map.current.fitBounds(bounds, { ...fitPadding, maxZoom: contextZoom });
  }, [activity.data]);

  const taxonName = (x: string) => (x.startsWith('species:') ? x.slice(8) : t(`detect.category.${x.slice(6)}`));
  const taxa = [...new Set(['class:animal', 'class:person', 'class:vehicle', ...(activity.data?.taxa ?? [])])];

  const importTiles = async () => {
    const file = mbtiles.trim();
    const r = /\.pmtiles$/i.test(file) ? await api.call('map.importPmtiles', { file }) : /\.(geo)?json$/i.test(file) ? await api.call('map.importGeojson', { file }) : await api.call('map.importMbtiles', { file });
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
            {taxa.map((x) => (
              <option key={x} value={x}>
                {taxonName(x)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('detect.from')}>
          <input value={from} onChange={(e) => setFrom(e.target.value)} type="date" />
        </Field>
        <Field label={t('detect.to')}>
          <input value={to} onChange={(e) => setTo(e.target.value)} type="date" />
        </Field>
        <Field label={t('map.mbtiles')}>
          <FolderInput value={mbtiles} onChange={setMbtiles} testId="mbtiles-path" pick={{ extensions: ['.mbtiles', '.pmtiles', '.geojson', '.json'] }} />
        </Field>
        <button disabled={!mbtiles.trim()} onClick={() => void importTiles()} data-testid="mbtiles-import">
          {t('map.importMbtiles')}
        </button>
        <TimeSlider first={activity.data?.firstDay ?? null} last={activity.data?.lastDay ?? null} value={month} onChange={setMonth} />
        <label className="check">
          <input type="checkbox" checked={heat} onChange={(e) => setHeat(e.target.checked)} data-testid="heat" /> {t('map.heat')}
        </label>
        <MachineSpeciesToggle value={activity.data?.machineSpecies} onChanged={() => setRecounted((n) => n + 1)} />
        <CompareChooser taxa={taxa} chosen={compared} onChange={setCompared} taxonName={taxonName} />
        <span className="muted">{activity.data ? t('map.independence', { minutes: activity.data.independenceMinutes }) : null}</span>
        <MapExportButton key={recounted} map={() => element.current} taxon={taxon} {...range} />
      </div>
      <ErrorMessage error={error ?? activity.error} />
      {comparing ? <SpeciesMultiples key={recounted} taxa={compared} {...range} taxonName={taxonName} /> : null}
      <div className="map-body" style={comparing ? { display: 'none' } : undefined}>
        <div className="map-frame">
          <div ref={element} className="map" data-testid="map" />
          <OverviewInset map={map.current} stations={activity.data?.stations ?? []} />
          <MapLegend
            taxon={taxonName(taxon)}
            largest={Math.max(0, ...(activity.data?.stations ?? []).map((s) => s.rai))}
            minutes={activity.data?.independenceMinutes}
            comparedTo={activity.data?.comparedTo}
            heat={heat}
            machine={activity.data?.machineSpecies}
          />
        </div>
        <div className="station-side">
          <StationTable stations={activity.data?.stations} selected={selected} onSelect={setSelected} compact={selected !== null} />
          {selected ? (
            <>
              <button type="button" className="link station-close" onClick={() => setSelected(null)} data-testid="station-close">
                {t('map.stationTable.close')}
              </button>
              <StationPanel key={`${selected}-${recounted}`} locationID={selected} taxon={taxon} {...range} />
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
