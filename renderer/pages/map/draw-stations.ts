import L from 'leaflet';
import { labelBox, type LabelBox, visibleLabels } from './station-labels.ts';
import { asText } from './text-tooltip.ts';
import type { StationActivity } from '../../../electron/backend/analysis/contract.ts';

interface Cluster {
  stations: StationActivity[];
  point: L.Point;
}

/** Stations closer than this many pixels at the current zoom are drawn as one. */
const clusterPixels = 36;

/** Greedy clustering in screen space: cheap for the few thousand stations a project has. */
function cluster(map: L.Map, stations: StationActivity[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const s of stations) {
    const p = map.latLngToLayerPoint([s.latitude, s.longitude]);
    const near = clusters.find((c) => c.point.distanceTo(p) < clusterPixels);
    if (near) near.stations.push(s);
    else clusters.push({ stations: [s], point: p });
  }
  return clusters;
}

/**
 * Draws stations sized by relative abundance; as a heat view, wide soft discs whose strength is
 * the abundance. Many stations close together on screen become one marker with their sum. Single
 * stations on screen carry their name where it covers no other name.
 */
export function drawStations(
  group: L.LayerGroup,
  map: L.Map,
  stations: StationActivity[],
  options: { heat: boolean; describe: (s: StationActivity) => string; onSelect: (locationID: string) => void; selected?: string | null },
): void {
  // From having the stations to the frame that shows them, for npm run bench:map-render.
  const start = performance.mark('stations-draw');
  group.clearLayers();
  const max = Math.max(0.0001, ...stations.map((s) => s.rai));
  const size = map.getSize();
  const names: { box: LabelBox; latLng: L.LatLngTuple; name: string; radius: number }[] = [];
  for (const c of cluster(map, stations)) {
    const events = c.stations.reduce((n, s) => n + s.events, 0);
    const nights = c.stations.reduce((n, s) => n + s.trapNights, 0);
    const rai = nights > 0 ? (events / nights) * 100 : 0;
    const lat = c.stations.reduce((n, s) => n + s.latitude, 0) / c.stations.length;
    const lon = c.stations.reduce((n, s) => n + s.longitude, 0) / c.stations.length;
    const strength = Math.min(1, rai / max);
    const marker = options.heat
      ? L.circleMarker([lat, lon], { radius: 28, stroke: false, fillColor: `hsl(${40 - 40 * strength}, 95%, 50%)`, fillOpacity: 0.15 + 0.55 * strength })
      : L.circleMarker([lat, lon], { radius: 5 + 18 * Math.sqrt(strength), color: '#1d2a22', weight: c.stations.length > 1 ? 3 : 1, fillColor: events > 0 ? '#f0b429' : '#ffffff', fillOpacity: 0.85 });
    const first = c.stations[0] as StationActivity;
    // The station whose details are open wears a ring in the accent colour, found again among hundreds.
    if (c.stations.some((s) => s.locationID === options.selected)) marker.setStyle({ stroke: true, color: '#2f6b3f', weight: 4 });
    marker.bindTooltip(asText(c.stations.length > 1 ? `${c.stations.length} stations: ${events} events` : options.describe(first)));
    marker.on('click', () => (c.stations.length > 1 ? map.setView([lat, lon], map.getZoom() + 2) : options.onSelect(first.locationID)));
    marker.addTo(group);
    const point = map.latLngToContainerPoint([lat, lon]);
    if (c.stations.length === 1 && point.x >= 0 && point.y >= 0 && point.x <= size.x && point.y <= size.y) {
      const radius = marker.getRadius();
      names.push({ box: labelBox(first.locationID, first.locationName, point.x, point.y, radius), latLng: [lat, lon], name: first.locationName, radius });
    }
  }
  const shown = visibleLabels(names.map((n) => n.box));
  for (const n of names.filter((x) => shown.has(x.box.id))) {
    L.tooltip({ permanent: true, direction: 'right', offset: [n.radius, 0], className: 'station-label', interactive: false })
      .setLatLng(n.latLng)
      .setContent(asText(n.name))
      .addTo(group);
  }
  requestAnimationFrame(() => performance.measure('stations-drawn', { start: start.startTime }));
}
