/**
 * The public choropleth: the published poverty rate by region, drawn on the provinces of the year's
 * boundaries (63 before 01/07/2025, 34 after). Province figures are not published officially, so each
 * province carries its region's value and the page says so. The chart saves as an image (ECharts
 * getDataURL) and its data downloads as .xlsx.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts } from 'echarts/core';
import { REFORM_DATE } from '../../../../src/domain/units/dates';
import { api, query } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { ChoroplethMap } from '../map/ChoroplethMap';
import { ARCHIPELAGOS, archipelagosIn, provincesGeoQuery } from '../map/geo';
import type { PublicResults } from './api';
import './texts';

interface RegionItem {
  code: string;
  name: string;
  provinces: { code: string; name: string }[];
}

/** The boundaries of a review year: its last day (63 provinces up to 2024, 34 from 2025). */
const boundariesOf = (year: number) => `${year}-12-31`;

export function RegionalMap({ figures }: { figures: PublicResults['figures'] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const years = [...new Set(figures.filter((f) => f.indicator === 'poor').map((f) => f.year))].sort();
  const [year, setYear] = useState(years[years.length - 1]);
  const at = boundariesOf(year);
  const geo = useQuery(provincesGeoQuery(at));
  const regions = useQuery({
    queryKey: ['regions', 'vung6', at],
    queryFn: ({ signal }) => api<{ items: RegionItem[] }>(`/api/regions${query({ scheme: 'vung6', at })}`, { signal }),
    staleTime: Infinity,
  });
  const chart = useRef<ECharts | null>(null);
  const [rendered, setRendered] = useState(false);
  const { values, names } = useMemo(() => {
    const rate = (area: string) =>
      figures.find((f) => f.year === year && f.areaCode === area && f.indicator === 'poor')?.ratePct ?? null;
    const v: { code: string; value: number | null }[] = [];
    const n = new Map<string, string>();
    for (const r of regions.data?.items ?? [])
      for (const p of r.provinces) {
        v.push({ code: p.code, value: rate(r.code) });
        n.set(p.code, `${p.name} — ${t('results.mapRegion', { region: r.name })}`);
      }
    return { values: v, names: n };
  }, [regions.data, year, figures, t]);
  const labels = useMemo(
    () =>
      geo.data
        ? ARCHIPELAGOS.filter((a) => archipelagosIn(geo.data).some((i) => i.id === a.id)).map((a) => ({
            lon: a.at[0],
            lat: a.at[1],
            text: a.label[lang],
          }))
        : [],
    [geo.data, lang],
  );
  const saveImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `ty-le-ho-ngheo-theo-vung-${year}.png`;
    a.click();
  };
  const count = geo.data?.features.length ?? 0;
  return (
    <section data-testid="public-map">
      <h2>{t('results.mapTitle', { year })}</h2>
      <p className="note" data-testid="public-map-note">
        {t('results.mapNote', { count, before: at < REFORM_DATE ? t('results.mapBefore') : t('results.mapAfter') })}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="map-year">{t('results.year')}</label>
          <select
            id="map-year"
            value={year}
            onChange={(e) => {
              setRendered(false);
              setYear(Number(e.target.value));
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button
            type="button"
            className="button-secondary"
            onClick={saveImage}
            disabled={!rendered}
            data-testid="map-save-image"
          >
            {t('results.saveImage')}
          </button>
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <a className="button-secondary" href={`/api/results/public.xlsx`} download data-testid="map-save-xlsx">
            {t('results.saveXlsx')}
          </a>
        </div>
      </div>
      {(geo.isError || regions.isError) && <ErrorBox error={geo.error ?? regions.error} />}
      {(geo.isPending || regions.isPending) && <Loading />}
      {geo.data && regions.data && (
        <div
          className="map-frame"
          data-testid="public-map-frame"
          data-state={rendered ? 'ready' : 'loading'}
          data-province-count={count}
        >
          <ChoroplethMap
            key={at}
            mapName={`vn-provinces-${at}`}
            geo={geo.data}
            values={values}
            names={names}
            valueLabel={t('results.poorRate')}
            format={(v) => `${formatNumberVi(v, 2)}%`}
            noDataLabel={t('results.noData')}
            labels={labels}
            ariaLabel={t('results.mapAria', { year, count })}
            onRendered={() => setRendered(true)}
            onChart={(c) => (chart.current = c)}
          />
        </div>
      )}
    </section>
  );
}
