import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { type JSX, useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Bars of counts with labels, drawn by Chart.js: the diel pattern and the events over time. */
export function BarChart({ labels, values, label, testId }: { labels: string[]; values: number[]; label: string; testId: string }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#2f6b3f' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [labels, values, label]);
  return (
    <div className="chart" data-testid={testId} data-values={values.join(',')}>
      <canvas ref={canvas} aria-label={label} role="img" />
    </div>
  );
}
