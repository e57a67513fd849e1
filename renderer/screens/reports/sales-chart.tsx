/**
 * Net sales by hour (one day) or by day (longer ranges) as bars, drawn by uPlot: a canvas chart of ~50 kB that
 * draws thousands of points in a few milliseconds and has no dependencies. Values are the integer minor units;
 * only the axis labels are formatted (shared/money), so no float ever stands for money. Screen readers get the
 * chart's summary as its name and the same numbers in the tables next to it.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { money } from '../sell/display-format';

export interface ChartPoint {
  key: string;
  net: number;
  sales: number;
}

interface SalesChartProps {
  points: ChartPoint[];
  by: 'hour' | 'day';
  currency: string;
}

function label(key: string, by: 'hour' | 'day'): string {
  return by === 'hour' ? `${key}:00` : key.slice(5);
}

/** A page without a 2D canvas (some test DOMs, locked-down browsers) gets the tables only. */
function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

export function SalesChart({ points, by, currency }: SalesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const best = points.reduce<ChartPoint | null>((top, p) => (!top || p.net > top.net ? p : top), null);
  const summary =
    best && best.net > 0
      ? `Net sales by ${by}: highest ${money(best.net, currency)} at ${label(best.key, by)}`
      : `Net sales by ${by}: no sales in this range`;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    setDrawn(false);
    const xs = points.map((_, i) => i);
    const ys = points.map((p) => p.net);
    let plot: uPlot | null = null;
    if (!canDraw()) {
      setProblem('The chart cannot be drawn here; the figures are in the tables below.');
      return;
    }
    try {
      plot = new uPlot(
        {
          width: Math.max(320, element.clientWidth || 640),
          height: 240,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false, range: [-0.5, Math.max(0.5, points.length - 0.5)] } },
          series: [
            {},
            {
              label: 'Net sales',
              stroke: '#1f5f8b',
              fill: 'rgba(31, 95, 139, 0.55)',
              paths: uPlot.paths.bars!({ size: [0.75, 48] }),
              points: { show: false },
            },
          ],
          axes: [
            {
              values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && points[i] ? label(points[i]!.key, by) : '')),
              space: by === 'hour' ? 30 : 45,
            },
            { values: (_u, splits) => splits.map((v) => money(Math.round(v), currency)), size: 90 },
          ],
          hooks: { draw: [() => setDrawn(true)] },
        },
        [xs, ys],
        element,
      );
    } catch (error) {
      console.warn('Kassa: the chart could not be drawn', error);
      setProblem('The chart cannot be drawn here; the figures are in the tables below.');
    }
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => plot?.setSize({ width: Math.max(320, element.clientWidth), height: 240 }));
    resize?.observe(element);
    return () => {
      resize?.disconnect();
      plot?.destroy();
    };
  }, [points, by, currency]);

  return (
    <figure className="sales-chart">
      <div ref={box} role="img" aria-label={summary} data-drawn={drawn ? 'true' : 'false'} />
      <figcaption className="field-hint">{problem ?? `Net sales by ${by}, ${currency}`}</figcaption>
    </figure>
  );
}
