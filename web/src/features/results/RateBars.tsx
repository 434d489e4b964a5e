/**
 * A horizontal ECharts bar chart of one rate per unit (canvas). A unit without a value has no bar (never a
 * zero bar); a click on a bar selects the unit. The values are also in a data attribute (canvas text is not
 * readable by tests and assistive technology).
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { formatNumberVi } from '../../app/format';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface RateBar {
  key: string;
  name: string;
  value: number | null;
}

export function RateBars(props: {
  bars: RateBar[];
  ariaLabel: string;
  noValueLabel: string;
  onSelect?: (key: string) => void;
  onChart: (chart: echarts.ECharts | null) => void;
  testId: string;
}) {
  const { bars, ariaLabel, noValueLabel, onSelect, onChart, testId } = props;
  const el = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    c.on('finished', () => setRendered(true));
    c.on('click', (p) => select.current?.(bars[p.dataIndex]?.key ?? ''));
    c.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const b = bars[p.dataIndex];
          return `${b.name}: ${b.value === null ? noValueLabel : `${formatNumberVi(b.value, 2)}%`}`;
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${formatNumberVi(v)}%` } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.name),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumberVi(p.value, 2) : ''),
          },
          cursor: onSelect ? 'pointer' : 'default',
        },
      ],
    });
    onChart(c);
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      onChart(null);
      c.dispose();
    };
    // Redrawn when the bars change; the click handler is read through a ref.
  }, [bars, noValueLabel]);
  return (
    <div
      ref={el}
      style={{ height: Math.max(160, 28 * bars.length + 40) }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-rendered={rendered}
      data-values={bars.map((b) => (b.value === null ? '' : b.value.toFixed(2))).join(';')}
    />
  );
}
