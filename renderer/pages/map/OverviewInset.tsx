import type L from 'leaflet';
import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../components/basemap-geometry.ts';
import { worldLand } from '../../components/basemap.ts';
import './overview-inset.css';

const width = 180;
const height = 90;
/** Stations further apart than this, in degrees, are hard to place in the world from the map alone. */
const farApart = 20;

// A plain latitude-longitude world, north up: small, and the same whatever the map shows.
const x = (lon: number) => ((lon + 180) / 360) * width;
const y = (lat: number) => ((90 - lat) / 180) * height;

let landPath: Promise<string> | undefined;
function worldPath(): Promise<string> {
  landPath ??= worldLand().then((polygons) =>
    polygons
      .flat()
      .map((ring) => `M${ring.map(([lon, lat]: Position) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`)
      .join(''),
  );
  return landPath;
}

/** Every station as a dot of one path: a thousand stations are one element, and those on one pixel one dot. */
function dots(stations: { latitude: number; longitude: number }[]): string {
  const at = new Set(stations.map((s) => `${Math.round(x(s.longitude))},${Math.round(y(s.latitude))}`));
  return [...at].map((p) => `M${p}m-2,0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0`).join('');
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * A small world map in the map's corner with the stations and the part of the world the map
 * shows, when the stations are far apart or the map looks at some of them closely.
 */
export function OverviewInset({ map, stations }: { map: L.Map | null; stations: { latitude: number; longitude: number }[] }): JSX.Element | null {
  const { t } = useTranslation();
  const [land, setLand] = useState('');
  const [, setMoves] = useState(0);
  useEffect(() => {
    let live = true;
    void worldPath().then((d) => {
      if (live) setLand(d);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!map) return;
    const moved = () => setMoves((n) => n + 1);
    map.on('moveend', moved);
    return () => {
      map.off('moveend', moved);
    };
  }, [map]);
  if (!map || stations.length === 0) return null;
  const view = map.getBounds();
  const lats = stations.map((s) => s.latitude);
  const lons = stations.map((s) => s.longitude);
  const span = Math.max(Math.max(...lats) - Math.min(...lats), Math.max(...lons) - Math.min(...lons));
  const outOfView = stations.some((s) => !view.contains([s.latitude, s.longitude]));
  if (span <= farApart && !outOfView) return null;
  const west = x(clamp(view.getWest(), -180, 180));
  const east = x(clamp(view.getEast(), -180, 180));
  const north = y(clamp(view.getNorth(), -90, 90));
  const south = y(clamp(view.getSouth(), -90, 90));
  return (
    <svg className="overview-inset" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('map.overview')} data-testid="overview-inset">
      <rect width={width} height={height} className="overview-sea" />
      <path d={land} className="overview-land" />
      <path d={dots(stations)} className="overview-station" />
      <rect x={west} y={north} width={Math.max(2, east - west)} height={Math.max(2, south - north)} className="overview-view" data-testid="overview-view" />
    </svg>
  );
}
