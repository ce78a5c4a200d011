import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';

/**
 * Land, countries and coastlines from Natural Earth (world-atlas), shipped inside the app and
 * drawn on the map's canvas renderer: the map never asks the network for anything.
 */
export function addBasemap(map: L.Map): void {
  // Below the tile pane, so that the user's own MBTiles detail is drawn over the land; the map
  // prefers canvas, so this pane gets a canvas renderer of its own.
  const pane = map.createPane('basemap');
  pane.style.zIndex = '150';
  const topology = countries as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  L.geoJSON(feature(topology, topology.objects.land), { pane: 'basemap', interactive: false, style: { color: '#7b8f7e', weight: 0.8, fillColor: '#e3e9dc', fillOpacity: 1 } }).addTo(map);
  L.geoJSON(mesh(topology, topology.objects.countries, (a, b) => a !== b), { pane: 'basemap', interactive: false, style: { color: '#9aa89b', weight: 0.6, dashArray: '3 3' } }).addTo(map);
}
