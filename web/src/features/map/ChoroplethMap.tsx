/**
 * An ECharts choropleth of provinces (canvas). ECharts is imported piecemeal (map, scatter, geo,
 * tooltip, visual map, canvas renderer) and only by this lazy page.
 * `onRendered` fires after the chart's 'finished' event, for data attributes that tests and
 * assistive summaries rely on (chart text is drawn on canvas).
 */
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Provinces } from './geo';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface MapValue {
  code: string;
  value: number | null;
}

export interface ChoroplethMapProps {
  mapName: string;
  geo: Provinces;
  values: MapValue[];
  /** Top of the colour scale (1 for a rate); the largest value when not given. */
  max?: number;
  /** Province code → name shown in the tooltip. */
  names: Map<string, string>;
  /** What the value is, for the tooltip ("Số xã, phường, đặc khu"). */
  valueLabel: string;
  format: (v: number) => string;
  noDataLabel: string;
  labels: { lon: number; lat: number; text: string }[];
  ariaLabel: string;
  onRendered: () => void;
  /** A province clicked on the map (its code). */
  onSelect?: (code: string) => void;
  /** Gives the chart instance (e.g. to save it as an image with getDataURL). */
  onChart?: (chart: echarts.ECharts | null) => void;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function ChoroplethMap({
  mapName,
  geo,
  values,
  max: fixedMax,
  names,
  valueLabel,
  format,
  noDataLabel,
  labels,
  ariaLabel,
  onRendered,
  onSelect,
  onChart,
}: ChoroplethMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const rendered = useRef(onRendered);
  rendered.current = onRendered;
  const select = useRef(onSelect);
  select.current = onSelect;
  const giveChart = useRef(onChart);
  giveChart.current = onChart;

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    giveChart.current?.(c);
    c.on('click', (p: { componentType?: string; seriesType?: string; name?: string }) => {
      if (p.seriesType === 'map' && p.name) select.current?.(p.name);
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
      giveChart.current?.(null);
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    if (!echarts.getMap(mapName)) echarts.registerMap(mapName, geo as never);
    const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
    const max = fixedMax ?? (numbers.length ? Math.max(...numbers) : 1);
    const onFinished = () => {
      c.off('finished', onFinished);
      rendered.current();
    };
    c.on('finished', onFinished); // before setOption, or the event may be missed
    c.setOption(
      {
        aria: { enabled: false },
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number | number[]; seriesType: string }) => {
            if (p.seriesType === 'scatter') return escapeHtml(p.name);
            const v = typeof p.value === 'number' && !Number.isNaN(p.value) ? format(p.value) : noDataLabel;
            return `<strong>${escapeHtml(names.get(p.name) ?? p.name)}</strong><br/>${escapeHtml(valueLabel)}: ${v}`;
          },
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max,
          left: 8,
          bottom: 8,
          text: [format(max), format(0)],
          calculable: false,
          inRange: { color: ['#e6eef7', '#8fb3d9', '#1d4f8a'] },
          formatter: (v: number) => format(v),
          seriesIndex: 0,
        },
        geo: {
          map: mapName,
          nameProperty: 'code',
          roam: true,
          scaleLimit: { min: 0.8, max: 12 },
          layoutCenter: ['50%', '50%'],
          layoutSize: '98%',
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#eeeeee' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c14e' } },
          select: { disabled: true },
          label: { show: false },
        },
        series: [
          { type: 'map', geoIndex: 0, data: values.map((v) => ({ name: v.code, value: v.value ?? NaN })) },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            symbol: 'circle',
            symbolSize: 4,
            itemStyle: { color: '#a3141b' },
            label: { show: true, position: 'right', formatter: '{b}', fontSize: 11, color: '#333' },
            data: labels.map((l) => ({ name: l.text, value: [l.lon, l.lat] })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [mapName, geo, values, fixedMax, names, valueLabel, format, noDataLabel, labels]);

  return <div ref={el} className="map-canvas" role="img" aria-label={ariaLabel} />;
}
