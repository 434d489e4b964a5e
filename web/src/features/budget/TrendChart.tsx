/**
 * Disbursement per month as an ECharts bar chart; the values are also in data attributes (canvas text is not readable).
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { formatNumberVi } from '../../app/format';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function TrendChart({ values, label, monthLabel }: { values: number[]; label: string; monthLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    c.on('finished', () => setRendered(true));
    c.setOption({
      grid: { left: 60, right: 10, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumberVi(Number(v)) },
      xAxis: { type: 'category', data: values.map((_, i) => `${monthLabel} ${i + 1}`) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumberVi(v) } },
      series: [{ type: 'bar', data: values }],
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, [values, monthLabel]);
  return (
    <div
      ref={el}
      style={{ height: 240 }}
      role="img"
      aria-label={label}
      data-testid="budget-trend"
      data-values={values.join(',')}
      data-rendered={rendered}
    />
  );
}
