import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { type JSX, useEffect, useRef } from 'react';
import { ExportImageButton } from './ExportImageButton.tsx';

/** What a chart's "Save as image" writes under the figure and names the file after. */
export interface FigureExport {
  caption: string[];
  name: string[];
}

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** The chart drawn again off screen at print size (1000 × 500 at twice the pixels), not the small one in the panel. */
function printed(config: ChartConfiguration<'bar'> | ChartConfiguration<'line'>): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 1000;
  canvas.height = 500;
  const chart = new Chart(canvas, { ...config, options: { ...config.options, responsive: false, devicePixelRatio: 2 } } as ChartConfiguration);
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.getContext('2d')?.drawImage(canvas, 0, 0);
  chart.destroy();
  return copy;
}

function barConfig(labels: string[], values: number[], label: string): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: '#2f6b3f' }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

/** Bars of counts with labels, drawn by Chart.js: the diel pattern and the events over time. */
export function BarChart({ labels, values, label, testId, exportAs }: { labels: string[]; values: number[]; label: string; testId: string; exportAs?: FigureExport }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, barConfig(labels, values, label));
    return () => chart.destroy();
  }, [labels, values, label]);
  return (
    <>
      <div className="chart" data-testid={testId} data-values={values.join(',')}>
        <canvas ref={canvas} aria-label={label} role="img" />
      </div>
      {exportAs ? <ExportImageButton draw={() => printed(barConfig(labels, values, label))} caption={exportAs.caption} name={exportAs.name} testId={`${testId}-export`} /> : null}
    </>
  );
}

Chart.register(LineController, LineElement, PointElement, Legend);

export interface DensitySeries {
  label: string;
  density: number[];
  color: string;
  dashed?: boolean;
}

function densityConfig(hours: number[], series: DensitySeries[]): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      datasets: series.map((s) => ({
        label: s.label,
        data: s.density.map((y, i) => ({ x: hours[i] ?? 0, y })),
        borderColor: s.color,
        borderDash: s.dashed ? [6, 4] : [],
        borderWidth: 2,
        pointRadius: 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: series.length > 1 } },
      scales: { x: { type: 'linear', min: 0, max: 24, ticks: { stepSize: 3 } }, y: { beginAtZero: true } },
    },
  };
}

/** Kernel density curves of activity over the 24 hours, as overlap::densityPlot and overlapPlot draw them. */
export function DensityChart({ hours, series, label, testId, exportAs }: { hours: number[]; series: DensitySeries[]; label: string; testId: string; exportAs?: FigureExport }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, densityConfig(hours, series));
    return () => chart.destroy();
  }, [hours, series]);
  return (
    <>
      <div className="chart" data-testid={testId} data-series={series.length}>
        <canvas ref={canvas} aria-label={label} role="img" />
      </div>
      {exportAs ? <ExportImageButton draw={() => printed(densityConfig(hours, series))} caption={exportAs.caption} name={exportAs.name} testId={`${testId}-export`} /> : null}
    </>
  );
}
