import i18next from 'i18next';
import L from 'leaflet';
import { PMTiles } from 'pmtiles';
import { leafletLayer } from 'protomaps-leaflet';
import { labelRules, paintRules } from './pmtiles-style.ts';
import type { MapLayer } from '../../../electron/backend/analysis/contract.ts';

/**
 * A PMTiles archive from the library, read by byte ranges from the app's own media route (never
 * the network): vector tiles drawn in the app's style by protomaps-leaflet, raster tiles as images.
 */
export function pmtilesLayer(layer: MapLayer, url: string): L.Layer {
  const archive = new PMTiles(url);
  const bounds = layer.bounds ? L.latLngBounds([layer.bounds[1], layer.bounds[0]], [layer.bounds[3], layer.bounds[2]]) : undefined;
  if (layer.format !== 'mvt') return rasterLayer(archive, layer, bounds);
  // protomaps-leaflet extends the global Leaflet it finds on window.
  (globalThis as { L?: typeof L }).L ??= L;
  return leafletLayer({ url: archive, paintRules, labelRules: labelRules(i18next.language || 'en'), maxDataZoom: layer.maxZoom, minZoom: 0, maxZoom: 22, ...(bounds ? { bounds } : {}) }) as unknown as L.Layer;
}

function rasterLayer(archive: PMTiles, layer: MapLayer, bounds: L.LatLngBounds | undefined): L.Layer {
  const Raster = L.GridLayer.extend({
    createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
      const img = document.createElement('img');
      img.alt = '';
      void archive
        .getZxy(coords.z, coords.x, coords.y)
        .then((found) => {
          if (!found) return done(undefined, img);
          const src = URL.createObjectURL(new Blob([found.data], { type: `image/${layer.format === 'jpg' ? 'jpeg' : layer.format}` }));
          img.onload = () => {
            URL.revokeObjectURL(src);
            done(undefined, img);
          };
          img.onerror = () => done(new Error('tile'), img);
          img.src = src;
        })
        .catch((err: unknown) => done(err instanceof Error ? err : new Error('tile'), img));
      return img;
    },
  }) as new (options: L.GridLayerOptions) => L.GridLayer;
  return new Raster({ minZoom: 0, maxZoom: 22, minNativeZoom: layer.minZoom, maxNativeZoom: layer.maxZoom, ...(bounds ? { bounds } : {}) });
}
