/**
 * The disbursement rate per province on the shared province choropleth (map feature). The boundaries
 * follow the dashboard's option: "current" draws today's 34 provinces; "recorded" draws the provinces
 * in force on 1 January of the year (63 before 1 July 2025, 34 after), those the lines were recorded on.
 * A province without lines has no value ("chưa có số liệu"), never 0. Only rows of a province version in
 * force on the map's date are drawn (a 2025 line recorded on a new province is not painted on an old one
 * sharing its code); the others are counted in a note under the map.
 * The frame exposes what the canvas shows: data-state ('ready' after ECharts' 'finished'),
 * data-map-date, data-province-count, data-rates ("code:rate" of the provinces with a rate) and
 * data-off-map (rows not drawn).
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { ChoroplethMap } from '../map/ChoroplethMap';
import { ARCHIPELAGOS, archipelagosIn, provincesGeoQuery } from '../map/geo';
import { unitsQuery } from '../units/api';
import type { ExecutionDashboard } from './api';

const formatRate = (r: number) => `${formatNumberVi(r * 100, 1)}%`;

export function ExecutionMap({ data, boundaries }: { data: ExecutionDashboard; boundaries: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const at = boundaries === 'current' ? data.asOf : `${data.year}-01-01`;
  const geo = useQuery(provincesGeoQuery(at));
  const provinces = useQuery(unitsQuery({ level: 'province', at }));
  const inForce = useMemo(() => new Set((provinces.data ?? []).map((u) => u.id)), [provinces.data]);
  const drawn = useMemo(() => data.items.filter((p) => inForce.has(p.unitId)), [data.items, inForce]);
  const offMap = provinces.data ? data.items.length - drawn.length : 0;
  const rates = useMemo(
    () => new Map(drawn.filter((p) => p.rate !== null).map((p) => [p.provinceCode, p.rate!])),
    [drawn],
  );
  const values = useMemo(
    () =>
      (geo.data?.features ?? []).map((f) => ({ code: f.properties.code, value: rates.get(f.properties.code) ?? null })),
    [geo.data, rates],
  );
  const names = useMemo(() => {
    const recorded = new Map((provinces.data ?? []).map((u) => [u.code, u.fullName]));
    return new Map(
      (geo.data?.features ?? []).map((f) => [
        f.properties.code,
        recorded.get(f.properties.code) ?? f.properties.full_name,
      ]),
    );
  }, [geo.data, provinces.data]);
  // The archipelagos are named on every map of the country, as on the provinces map.
  const labels = useMemo(() => {
    const present = new Set(geo.data ? archipelagosIn(geo.data).map((i) => i.id) : []);
    return ARCHIPELAGOS.filter((a) => present.has(a.id)).map((a) => ({
      lon: a.at[0],
      lat: a.at[1],
      text: a.label[lang],
    }));
  }, [geo.data, lang]);
  const renderKey = `${at}|${values.map((v) => `${v.code}:${v.value}`).join(' ')}`;
  const [renderedKey, setRenderedKey] = useState<string | null>(null);
  const onRendered = useCallback(() => setRenderedKey(renderKey), [renderKey]);
  const ready = !!geo.data && !!provinces.data && renderedKey === renderKey;
  const shown = values.filter((v) => v.value !== null);

  return (
    <>
      <div
        className="map-frame"
        data-testid="budget-map"
        data-state={ready ? 'ready' : 'loading'}
        data-map-date={ready ? at : undefined}
        data-province-count={ready ? values.length : undefined}
        data-rates={ready ? shown.map((v) => `${v.code}:${v.value}`).join(' ') : undefined}
        data-off-map={ready ? offMap : undefined}
        aria-busy={!ready}
      >
        {(geo.isPending || provinces.isPending) && <Loading label={t('map.loading')} />}
        {geo.isError && <ErrorBox error={geo.error} title={t('map.geoError')} />}
        {provinces.isError && <ErrorBox error={provinces.error} />}
        {geo.data && provinces.data && (
          <ChoroplethMap
            mapName={`vn-provinces-${at}`}
            geo={geo.data}
            values={values}
            max={1}
            names={names}
            valueLabel={t('budget.rate')}
            format={formatRate}
            noDataLabel={t('map.noData')}
            labels={labels}
            ariaLabel={t('budget.mapAria', { n: values.length, date: formatDateVi(at), m: shown.length })}
            onRendered={onRendered}
          />
        )}
      </div>
      {offMap > 0 && (
        <p className="note" data-testid="budget-map-off">
          {t('budget.mapOff', { n: offMap, date: formatDateVi(at) })}
        </p>
      )}
    </>
  );
}
