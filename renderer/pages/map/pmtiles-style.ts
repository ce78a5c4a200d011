import { CenteredTextSymbolizer, type Feature, GeomType, type LabelRule, LineLabelSymbolizer, LineSymbolizer, type PaintRule, PolygonSymbolizer } from 'protomaps-leaflet';

// A quiet default style for vector extracts of a study area, readable under the station circles.
// It names the layers of both schemas that regional extracts come in: the Protomaps basemap
// (earth, landcover, landuse, water, roads, places) and OpenMapTiles as planetiler writes it
// (landcover, landuse, park, water, waterway, transportation, place).

export const styleColours = { land: '#eef0e6', water: '#6aa5d8', majorRoad: '#e8a04a', minorRoad: '#ffffff', casing: '#b9b2a6', label: '#2f3a33' };

const text = (f: Feature | undefined, key: string): string => {
  const v = f?.props[key];
  return typeof v === 'string' ? v : '';
};
const kind = (f: Feature | undefined): string => text(f, 'kind') || text(f, 'class') || text(f, 'subclass');
const isArea = (_z: number, f: Feature): boolean => f.geomType === GeomType.Polygon;
const isLine = (_z: number, f: Feature): boolean => f.geomType === GeomType.Line;

function greenery(_z: number, f?: Feature): string {
  const k = kind(f);
  if (/forest|wood|wetland|swamp/.test(k)) return '#cbe0c0';
  if (/farm|crop|orchard|vineyard|allotment/.test(k)) return '#ece9d6';
  if (/residential|urban|industrial|commercial|retail|built/.test(k)) return '#e6e1da';
  if (/sand|beach|bare|rock|glacier|ice/.test(k)) return '#f1ede2';
  return '#dcebd0';
}

function roadRank(f?: Feature): 'major' | 'minor' | 'path' {
  const k = kind(f);
  if (/highway|motorway|trunk|primary|major/.test(k)) return 'major';
  if (/path|track|footway|cycleway|bridleway|steps|other/.test(k)) return 'path';
  return 'minor';
}

const roadWidth = (z: number, f?: Feature): number => {
  const rank = roadRank(f);
  const base = rank === 'major' ? 2.5 : rank === 'minor' ? 1.4 : 0.8;
  return base * Math.max(0.6, Math.min(2, (z - 8) / 4));
};

const roadLayers = ['roads', 'transportation'];
const waterLayers = ['water'];
const placeLayers = ['places', 'place'];

export const paintRules: PaintRule[] = [
  { dataLayer: 'earth', symbolizer: new PolygonSymbolizer({ fill: styleColours.land }) },
  ...['landcover', 'landuse', 'park'].map((dataLayer) => ({ dataLayer, filter: isArea, symbolizer: new PolygonSymbolizer({ fill: greenery }) })),
  ...waterLayers.map((dataLayer) => ({ dataLayer, filter: isArea, symbolizer: new PolygonSymbolizer({ fill: styleColours.water }) })),
  ...[...waterLayers, 'waterway'].map((dataLayer) => ({ dataLayer, filter: isLine, symbolizer: new LineSymbolizer({ color: styleColours.water, width: (z: number) => (z >= 12 ? 1.6 : 0.8) }) })),
  { dataLayer: 'buildings', minzoom: 14, symbolizer: new PolygonSymbolizer({ fill: '#d9d3cb' }) },
  { dataLayer: 'building', minzoom: 14, symbolizer: new PolygonSymbolizer({ fill: '#d9d3cb' }) },
  ...['boundaries', 'boundary'].map((dataLayer) => ({ dataLayer, symbolizer: new LineSymbolizer({ color: '#9b8fa8', width: 1, dash: [4, 3] }) })),
  ...roadLayers.map((dataLayer) => ({ dataLayer, filter: (_z: number, f: Feature) => roadRank(f) !== 'path', symbolizer: new LineSymbolizer({ color: styleColours.casing, width: (z: number, f?: Feature) => roadWidth(z, f) + 1.5, lineCap: 'round' }) })),
  ...roadLayers.map((dataLayer) => ({
    dataLayer,
    symbolizer: new LineSymbolizer({ color: (_z: number, f?: Feature) => (roadRank(f) === 'major' ? styleColours.majorRoad : roadRank(f) === 'path' ? '#a08c6e' : styleColours.minorRoad), width: roadWidth, lineCap: 'round' }),
  })),
];

export function labelRules(lang: string): LabelRule[] {
  const names = [`name:${lang}`, 'name', 'name:en'];
  return [
    ...placeLayers.map((dataLayer) => ({ dataLayer, symbolizer: new CenteredTextSymbolizer({ labelProps: names, fontFamily: 'sans-serif', fontSize: 13, fontWeight: 600, fill: styleColours.label, stroke: '#ffffff', width: 2.5 }) })),
    ...waterLayers.map((dataLayer) => ({ dataLayer, minzoom: 11, symbolizer: new CenteredTextSymbolizer({ labelProps: names, fontFamily: 'sans-serif', fontSize: 12, fontStyle: 'italic', fill: '#2d5f8a', stroke: '#ffffff', width: 2 }) })),
    ...[...roadLayers, 'transportation_name'].map((dataLayer) => ({ dataLayer, minzoom: 13, symbolizer: new LineLabelSymbolizer({ labelProps: names, fontFamily: 'sans-serif', fontSize: 11, fill: '#4a4a4a', stroke: '#ffffff', width: 2 }) })),
  ];
}
