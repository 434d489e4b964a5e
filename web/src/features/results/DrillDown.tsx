/**
 * The overview's drill-down of the poverty rates (review results, over resident households): the nation's
 * six regions, a region's provinces, a province's communes. A click on a row or a bar goes one level down,
 * the breadcrumb goes back. Each level's chart saves as an image and its data downloads as .xlsx (the
 * poverty summary's own export). Results not yet recognised are shown and marked provisional.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts } from 'echarts/core';
import { api, query } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatNumberVi } from '../../app/format';
import type { SummaryAnswer, SummaryRow } from '../../../../src/modules/poverty/contracts';
import { RateBars } from './RateBars';
import './dash-texts';

type Rate = 'poorRate' | 'nearPoorRate';
type Step = { level: 'region' | 'province'; code: string; name: string };
interface RegionItem {
  code: string;
  name: string;
  provinces: { code: string; name: string }[];
}
interface Line {
  key: string;
  code: string;
  name: string;
  row: SummaryRow | undefined;
}

const LEVEL_BELOW = { nation: 'region', region: 'province', province: 'commune' } as const;

export function DrillDown({ year: initialYear }: { year: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(initialYear);
  const [rate, setRate] = useState<Rate>('poorRate');
  const [path, setPath] = useState<Step[]>([]);
  const here = path.at(-1);
  const level = LEVEL_BELOW[here?.level ?? 'nation'];
  const params = { year, level, status: 'all', province: here?.level === 'province' ? here.code : undefined };
  const summary = useQuery({
    queryKey: ['poverty', 'summary', 'drill', params],
    queryFn: ({ signal }) => api<SummaryAnswer>(`/api/poverty/summary${query(params)}`, { signal }),
  });
  const regions = useQuery({
    queryKey: ['regions', 'vung6', `${year}-12-31`],
    queryFn: ({ signal }) =>
      api<{ items: RegionItem[] }>(`/api/regions${query({ scheme: 'vung6', at: `${year}-12-31` })}`, { signal }),
    staleTime: Infinity,
  });
  const chart = useRef<ECharts | null>(null);
  const lines = useMemo<Line[]>(() => {
    const rows = summary.data?.rows.filter((r) => r.part === 'all') ?? [];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    // Every region and province is listed (no figures yet: "chưa có báo cáo"); communes only where reported.
    const units =
      level === 'region'
        ? (regions.data?.items ?? []).map((r) => ({ code: r.code, name: r.name }))
        : level === 'province'
          ? (regions.data?.items.find((r) => r.code === here?.code)?.provinces ?? [])
          : rows.map((r) => ({ code: r.code, name: r.name }));
    // The summary's full name when it has the unit ("Thành phố Hà Nội", not the short "Hà Nội").
    return units.map((u) => {
      const row = byCode.get(u.code);
      return { key: u.code, code: u.code, name: row?.name ?? u.name, row };
    });
  }, [summary.data, regions.data, level, here?.code]);
  const down = (code: string) => {
    const line = lines.find((l) => l.code === code);
    if (!line || level === 'commune') return;
    setPath([...path, { level, code, name: line.name }]);
  };
  const value = (l: Line) => (l.row ? l.row[rate] : null);
  const cell = (l: Line) =>
    !l.row ? t('dash.noReport') : l.row[rate] === null ? t('dash.noResident') : `${formatNumberVi(l.row[rate], 2)}%`;
  const where = here?.name ?? t('dash.nation');
  const saveImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${rate === 'poorRate' ? 'ty-le-ho-ngheo' : 'ty-le-ho-can-ngheo'}-${here?.code ?? 'toan-quoc'}-${year}.png`;
    a.click();
  };
  return (
    <section data-testid="drill" data-level={level}>
      <h3>{t('dash.drillTitle', { where, year })}</h3>
      <nav className="breadcrumb" aria-label={t('dash.breadcrumb')} data-testid="drill-crumbs">
        {[{ code: '', name: t('dash.nation') }, ...path].map((s, i) => (
          <span key={s.code}>
            {i > 0 && ' › '}
            {i < path.length ? (
              <button type="button" className="button-link" onClick={() => setPath(path.slice(0, i))}>
                {s.name}
              </button>
            ) : (
              <strong>{s.name}</strong>
            )}
          </span>
        ))}
      </nav>
      <div className="filters">
        <div className="field">
          <label htmlFor="drill-rate">{t('dash.indicator')}</label>
          <select id="drill-rate" value={rate} onChange={(e) => setRate(e.target.value as Rate)}>
            <option value="poorRate">{t('results.poorRate')}</option>
            <option value="nearPoorRate">{t('results.nearPoorRate')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="drill-year">{t('results.year')}</label>
          <select id="drill-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {Array.from({ length: initialYear - 2021 }, (_, i) => initialYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button type="button" className="button-secondary" onClick={saveImage} data-testid="drill-save-image">
            {t('results.saveImage')}
          </button>
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <a
            className="button-secondary"
            href={`/api/poverty/summary.xlsx${query(params)}`}
            download
            data-testid="drill-save-xlsx"
          >
            {t('results.saveXlsx')}
          </a>
        </div>
      </div>
      <p className="note">{t('dash.drillNote')}</p>
      {(summary.isError || regions.isError) && <ErrorBox error={summary.error ?? regions.error} />}
      {(summary.isPending || regions.isPending) && <Loading />}
      {summary.data && regions.data && lines.length === 0 && <p className="muted">{t('dash.noReport')}</p>}
      {summary.data && regions.data && lines.length > 0 && (
        <>
          <RateBars
            bars={lines.map((l) => ({ key: l.code, name: l.name, value: value(l) }))}
            ariaLabel={t('dash.chartAria', { where, year, indicator: t(`results.${rate}`) })}
            noValueLabel={t('dash.noResident')}
            onSelect={level === 'commune' ? undefined : down}
            onChart={(c) => (chart.current = c)}
            testId="drill-chart"
          />
          <DataTable
            testId="drill-table"
            columns={[
              t(`dash.levels.${level}`),
              { label: t('dash.residentHouseholds'), className: 'num' },
              { label: t(`results.${rate}`), className: 'num' },
              t('dash.dataStatus'),
            ]}
          >
            {lines.map((l) => (
              <tr key={l.key} data-unit={l.code}>
                <td>
                  {level === 'commune' ? (
                    l.name
                  ) : (
                    <button type="button" className="button-link" onClick={() => down(l.code)}>
                      {l.name}
                    </button>
                  )}
                </td>
                <td className="num">{l.row?.households == null ? '—' : formatNumberVi(l.row.households)}</td>
                <td className="num" data-testid={`drill-value-${l.code}`}>
                  {cell(l)}
                </td>
                <td>{l.row ? (l.row.official ? t('dash.official') : t('dash.provisional')) : '—'}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
