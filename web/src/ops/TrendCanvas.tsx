/**
 * The drawing of the dossiers' 12-month trend with ECharts: two lines on one 0–100 scale,
 * the index score and the on-time rate in percent, told apart by colour, line style and
 * marker so that colour is never the only cue. Only the pieces used are imported (line
 * series, grid, legend, tooltip, SVG renderer). A month without figures is a gap, not a
 * zero. Decoration for sighted readers: the figure around it carries the accessible name
 * and the table.
 */
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface TrendSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface TrendCanvasProps {
  months: readonly string[];
  score: TrendSeries;
  onTime: TrendSeries;
  /** Formats a value the reader's way ("87,5"). */
  format: (value: number) => string;
}

const COLORS = {
  score: '#4fb3e8',
  onTime: '#5ad19a',
  text: '#d5e3ec',
  axis: '#8da6b5',
  split: '#22394a',
};

export default function TrendCanvas({ months, score, onTime, format }: TrendCanvasProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const gap = (value: number | null) => (value === null ? '-' : value);
    const option: Option = {
      animation: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, textStyle: { color: COLORS.text } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—'),
      },
      xAxis: {
        type: 'category',
        data: [...months],
        axisLabel: { color: COLORS.text },
        axisLine: { lineStyle: { color: COLORS.axis } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: COLORS.text },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      series: [
        {
          type: 'line',
          name: score.name,
          data: score.values.map(gap),
          itemStyle: { color: COLORS.score },
          lineStyle: { width: 3 },
          symbol: 'circle',
          symbolSize: 8,
        },
        {
          type: 'line',
          name: onTime.name,
          data: onTime.values.map(gap),
          itemStyle: { color: COLORS.onTime },
          lineStyle: { width: 2, type: 'dashed' },
          symbol: 'diamond',
          symbolSize: 10,
        },
      ],
    };
    chartRef.current?.setOption(option);
  }, [months, score, onTime, format]);

  return <div ref={elementRef} className="chart-canvas" aria-hidden="true" />;
}
