import { useTranslation } from 'react-i18next';
import { percent } from '../../components/percent.ts';
import { useCall } from '../../components/use-call.ts';

// Figures for reports are drawn here as PNG: a chart's canvas or the map's stacked canvases and
// tiles, on white, with a caption below saying what the figure shows.

const pad = 12;
const lineHeight = 18;

/** The map's canvases and tile images, drawn where they sit on screen, into one canvas. */
export function composeLayers(container: HTMLElement): HTMLCanvasElement {
  const box = container.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.round(box.width);
  out.height = Math.round(box.height);
  const g = out.getContext('2d');
  if (!g) return out;
  // Leaflet stacks its panes by z-index, not by their order in the page (the basemap pane comes last but lies lowest).
  const layers = [...container.querySelectorAll<HTMLCanvasElement | HTMLImageElement>('canvas, img.leaflet-tile')];
  const order = new Map(layers.map((layer) => [layer, stackLevel(layer, container)]));
  layers.sort((a, b) => compareLevels(order.get(a) ?? [], order.get(b) ?? []));
  for (const layer of layers) {
    const r = layer.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(layer).visibility === 'hidden') continue;
    g.globalAlpha = Number(getComputedStyle(layer).opacity) || 1;
    g.drawImage(layer, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  return out;
}

/** The z-indexes of the panes holding an element, outermost first: panes nest, so they compare level by level. */
function stackLevel(element: Element, container: Element): number[] {
  const levels: number[] = [];
  for (let e: Element | null = element; e && e !== container; e = e.parentElement) {
    const z = Number.parseInt(getComputedStyle(e).zIndex, 10);
    if (Number.isFinite(z)) levels.unshift(z);
  }
  return levels;
}

function compareLevels(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** Caption text broken into lines that fit the figure's width. */
function wrap(g: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** The figure on white with its caption lines underneath, as a PNG data URL. */
export function figureWithCaption(figure: HTMLCanvasElement, caption: string[]): string {
  // Text in proportion to the figure: a chart drawn large for print gets captions to match.
  const scale = Math.max(1, figure.width / 800);
  const font = `${13 * scale}px sans-serif`;
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = font;
  const lines = measure ? caption.flatMap((c) => wrap(measure, c, figure.width)) : caption;
  const out = document.createElement('canvas');
  out.width = figure.width + 2 * pad * scale;
  out.height = figure.height + (2 * pad + lines.length * lineHeight) * scale;
  const g = out.getContext('2d');
  if (!g) return out.toDataURL('image/png');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(figure, pad * scale, pad * scale);
  g.fillStyle = '#1d2a22';
  g.font = font;
  g.textBaseline = 'top';
  lines.forEach((line, i) => g.fillText(line, pad * scale, figure.height + (pad * 1.5 + i * lineHeight) * scale));
  return out.toDataURL('image/png');
}

/** A file name from what the figure shows, without characters a file system might refuse. */
export function figureFileName(parts: string[]): string {
  const name = parts
    .join('_')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 110);
  return name || 'figure';
}

/** The caption every exported figure carries: taxa, date range, the independence interval, and the machine's species when they count. */
export function useFigureCaption(taxa: string[], taxonForInterval: string, from?: string, to?: string): string[] {
  const { t, i18n } = useTranslation();
  const activity = useCall('map.activity', { taxon: taxonForInterval, from, to }).data;
  const minutes = activity?.independenceMinutes;
  const machine = activity?.machineSpecies;
  const range = from || to ? t('figure.range', { from: from ?? '…', to: to ?? '…' }) : t('figure.allDates');
  const caption = t('figure.caption', { taxa: taxa.join(', '), range, minutes: minutes ?? '…' });
  return [machine?.include ? `${caption} · ${t('figure.machine', { percent: percent(machine.threshold, i18n.language) })}` : caption];
}
