import L from 'leaflet';
import { type JSX, useEffect, useRef } from 'react';
import { contextZoom, stationBounds } from './fit-view.ts';
import { asText } from './text-tooltip.ts';
import type { StationActivity } from '../../../electron/backend/analysis/contract.ts';
import { addBasemap } from '../../components/basemap.ts';

/** Maps that move together: a pan or zoom on one is applied to the others. */
export interface MapSync {
  maps: Set<L.Map>;
  moving: boolean;
}

/** One taxon's stations on a small map, circles sized on a scale shared with its neighbours. */
export function SmallMultipleMap({ title, stations, value, largest, describe, sync }: { title: string; stations: StationActivity[]; value: (s: StationActivity) => number; largest: number; describe: (s: StationActivity) => string; sync: MapSync }): JSX.Element {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const group = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { renderer: L.canvas(), preferCanvas: true, attributionControl: false, zoomControl: false });
    const other = [...sync.maps][0];
    if (other) m.setView(other.getCenter(), other.getZoom(), { animate: false });
    else m.setView([20, 0], 2);
    addBasemap(m);
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
    group.current = L.layerGroup().addTo(m);
    // Where the map looks, for tests and for comparing the maps' views.
    const mark = () => Object.assign(m.getContainer().dataset, { zoom: String(m.getZoom()), center: `${m.getCenter().lat},${m.getCenter().lng}` });
    mark();
    m.on('moveend', () => {
      mark();
      if (sync.moving) return;
      sync.moving = true;
      for (const o of sync.maps) if (o !== m) o.setView(m.getCenter(), m.getZoom(), { animate: false });
      sync.moving = false;
    });
    sync.maps.add(m);
    map.current = m;
    const bounds = stationBounds(stations);
    // Every map fits the same stations into the same size, so they open on the same view.
    if (!other && bounds) m.fitBounds(bounds, { padding: [24, 24], maxZoom: contextZoom });
    return () => {
      sync.maps.delete(m);
      m.remove();
      map.current = null;
    };
    // The view is set once when the map is made; later the maps follow each other.
  }, [sync]);

  useEffect(() => {
    const g = group.current;
    if (!g) return;
    g.clearLayers();
    for (const s of stations) {
      const v = value(s);
      L.circleMarker([s.latitude, s.longitude], { radius: 4 + 16 * Math.sqrt(largest > 0 ? v / largest : 0), color: '#1d2a22', weight: 1, fillColor: v > 0 ? '#f0b429' : '#ffffff', fillOpacity: 0.85 })
        .bindTooltip(asText(describe(s)))
        .addTo(g);
    }
  }, [stations, value, largest, describe]);

  return (
    <figure className="multiple-panel" data-testid="multiple-panel" data-values={stations.map(value).join(',')}>
      <figcaption>{title}</figcaption>
      <div ref={element} className="multiple-map" data-testid="multiple-map" role="img" aria-label={title} />
    </figure>
  );
}
