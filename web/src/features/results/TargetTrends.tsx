/**
 * Each target's value by year next to the level it had to reach that year (the target series of the
 * overview), one small ECharts line chart per target. An unknown value is a gap, never zero. Each chart
 * saves as an image.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumberVi } from '../../app/format';
import type { TargetView } from './api';
import './dash-texts';
import { ViText } from '../../app/components/ViText';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function TargetTrends({ targets }: { targets: TargetView[] }) {
  const { t } = useTranslation();
  return (
    <section data-testid="trends">
      <h3>{t('dash.trendsTitle')}</h3>
      <div className="trend-grid">
        {targets.map((x) => (
          <Trend key={x.code} target={x} />
        ))}
      </div>
    </section>
  );
}

function Trend({ target }: { target: TargetView }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(false);
  const series = target.series;
  const valueName = t('dash.trendValue');
  const targetName = t('dash.trendTarget');
  useEffect(() => {
    if (series.length === 0) return;
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('finished', () => setRendered(true));
    const fmt = (v: unknown) => (typeof v === 'number' ? formatNumberVi(v, 2) : '—');
    c.setOption({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      xAxis: { type: 'category', data: series.map((s) => String(s.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumberVi(v) } },
      series: [
        { name: valueName, type: 'line', data: series.map((s) => s.value), connectNulls: false, symbolSize: 8 },
        {
          name: targetName,
          type: 'line',
          data: series.map((s) => s.target),
          lineStyle: { type: 'dashed' },
          symbol: 'none',
        },
      ],
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      chart.current = null;
      c.dispose();
    };
  }, [series, valueName, targetName]);
  const saveImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `muc-tieu-${target.code}.png`;
    a.click();
  };
  return (
    <figure className="trend" data-testid={`trend-${target.code}`}>
      <figcaption>
        <ViText text={target.labelVi} /> <small className="muted">({target.unit})</small>
      </figcaption>
      {series.length === 0 ? (
        <p className="muted">{t('dash.noTrend')}</p>
      ) : (
        <>
          <div
            ref={el}
            style={{ height: 200 }}
            role="img"
            aria-label={t('dash.trendAria', { target: target.labelVi })}
            data-rendered={rendered}
            data-values={series.map((s) => `${s.year}:${s.value ?? ''}:${s.target ?? ''}`).join(';')}
          />
          <button type="button" className="button-secondary" onClick={saveImage} disabled={!rendered}>
            {t('results.saveImage')}
          </button>
        </>
      )}
    </figure>
  );
}
