import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addBasemap } from '../../components/basemap.ts';

/**
 * For a station known by sight rather than by GPS: the offline world map, a click where the
 * camera is gives its coordinates. The map opens near coordinates already written.
 */
export function PickOnMap({ near, onPick }: { near: { latitude: number; longitude: number } | null; onPick: (latitude: number, longitude: number) => void }): JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const element = useRef<HTMLDivElement>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  useEffect(() => {
    if (!open || !element.current) return;
    const map = L.map(element.current, { preferCanvas: true, worldCopyJump: true, attributionControl: false }).setView(near ? [near.latitude, near.longitude] : [10, 0], near ? 9 : 2);
    addBasemap(map);
    if (near) marker.current = L.circleMarker([near.latitude, near.longitude], { radius: 7, color: '#2f6f3e' }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      const latitude = Math.round(e.latlng.lat * 1e5) / 1e5;
      const longitude = Math.round(L.Util.wrapNum(e.latlng.lng, [-180, 180], true) * 1e5) / 1e5;
      marker.current?.remove();
      marker.current = L.circleMarker([latitude, e.latlng.lng], { radius: 7, color: '#2f6f3e' }).addTo(map);
      onPick(latitude, longitude);
    });
    return () => {
      map.remove();
      marker.current = null;
    };
  }, [open]);
  return (
    <div className="pick-on-map">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="pick-on-map">
        {open ? t('setup.closeMap') : t('setup.pickOnMap')}
      </button>
      {open ? (
        <>
          <p className="muted">{t('setup.pickOnMapHelp')}</p>
          <div ref={element} className="pick-map" data-testid="pick-map" role="application" aria-label={t('setup.pickOnMap')} />
        </>
      ) : null}
    </div>
  );
}
