/**
 * The drawing of a bar chart with ECharts, importing only the pieces it uses (bar series,
 * grid, tooltip, SVG renderer) so the chart chunk stays small. It is decoration for sighted
 * readers: the figure around it carries the accessible name and the data table.
 */
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface BarCanvasProps {
  categories: string[];
  values: number[];
  seriesName: string;
  theme: 'light' | 'dark';
}

const COLORS = {
  light: { bar: '#0b6e99', text: '#33414a', axis: '#6b7c86', split: '#e3e9ed' },
  dark: { bar: '#4fb3e8', text: '#d5e3ec', axis: '#8da6b5', split: '#22394a' },
};

export default function BarCanvas({ categories, values, seriesName, theme }: BarCanvasProps) {
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
    const colors = COLORS[theme];
    const option: Option = {
      animation: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { color: colors.text, interval: 2 },
        axisLine: { lineStyle: { color: colors.axis } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: colors.text },
        splitLine: { lineStyle: { color: colors.split } },
      },
      series: [{ type: 'bar', name: seriesName, data: values, itemStyle: { color: colors.bar } }],
    };
    chartRef.current?.setOption(option);
  }, [categories, values, seriesName, theme]);

  return <div ref={elementRef} className="chart-canvas" aria-hidden="true" />;
}
