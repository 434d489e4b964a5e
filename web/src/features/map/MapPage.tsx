/**
 * Map of the provinces on a date: the 34 provinces from 1 July 2025, the 63 before. The value for
 * now is the number of communes per province (units API); later issues add poverty rates.
 * The map container exposes what the canvas shows: data-map-date, data-province-count,
 * data-islands, data-state ('ready' after the chart's 'finished' event).
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { compareVi, formatDateVi, formatNumberVi, isIsoDate, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { DATA_LOWER_BOUND, REFORM_DATE, unitsQuery } from '../units/api';
import { UnitLink } from '../units/UnitLink';
import { ChoroplethMap } from './ChoroplethMap';
import { communesPerProvince } from './counts';
import { ARCHIPELAGOS, archipelagosIn, provincesGeoQuery } from './geo';

export default function MapPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The date is in the address (/ban-do?ngay=2024-01-01), so a map on a date can be linked.
  const search = useSearch({ strict: false }) as { ngay?: unknown };
  const at = typeof search.ngay === 'string' && isIsoDate(search.ngay) ? search.ngay : todayInVietnam();
  const [renderedAt, setRenderedAt] = useState<string | null>(null);
  const navigate = useNavigate();
  const setAt = (d: string) => void navigate({ to: '/ban-do', search: d === todayInVietnam() ? {} : { ngay: d }, replace: true });

  const geo = useQuery(provincesGeoQuery(at));
  const provinces = useQuery(unitsQuery({ level: 'province', at }));
  const communes = useQuery(unitsQuery({ level: 'commune', at }));
  const needDistricts = at < REFORM_DATE && !!communes.data?.some((c) => !c.provinceId);
  const districts = useQuery({ ...unitsQuery({ level: 'district', at }), enabled: needDistricts });

  const counts = useMemo(() => {
    if (!provinces.data || !communes.data || (needDistricts && !districts.data)) return null;
    return communesPerProvince(provinces.data, districts.data ?? [], communes.data);
  }, [provinces.data, communes.data, districts.data, needDistricts]);
  const unitsError = provinces.error ?? communes.error ?? districts.error;

  const values = useMemo(
    () => (geo.data ? geo.data.features.map((f) => ({ code: f.properties.code, value: counts?.get(f.properties.code) ?? null })) : []),
    [geo.data, counts],
  );
  const islands = useMemo(() => (geo.data ? archipelagosIn(geo.data) : []), [geo.data]);
  const labels = useMemo(
    () => ARCHIPELAGOS.filter((a) => islands.some((i) => i.id === a.id)).map((a) => ({ lon: a.at[0], lat: a.at[1], text: a.label[lang] })),
    [islands, lang],
  );
  // Names as in force on the date (units API; the boundary file's as a fallback). Place names stay
  // Vietnamese, with their diacritics, in both languages of the interface.
  const names = useMemo(() => {
    const byCode = new Map((provinces.data ?? []).map((p) => [p.code, p]));
    return new Map(
      (geo.data?.features ?? []).map((f) => {
        const u = byCode.get(f.properties.code);
        return [f.properties.code, { label: u?.fullName ?? f.properties.full_name, sortKey: u?.name ?? f.properties.name, unitId: u?.id }];
      }),
    );
  }, [geo.data, provinces.data]);
  const rows = useMemo(
    () =>
      (geo.data?.features ?? [])
        .map((f) => ({ code: f.properties.code, ...names.get(f.properties.code)!, value: counts?.get(f.properties.code) ?? null }))
        .sort((a, b) => compareVi(a.sortKey, b.sortKey)),
    [geo.data, counts, names],
  );
  const labelOf = useMemo(() => new Map(rows.map((r) => [r.code, r.label])), [rows]);
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const canDraw = !!geo.data && (counts !== null || !!unitsError);
  const onRendered = useCallback(() => setRenderedAt(at), [at]);
  const ready = canDraw && renderedAt === at;

  return (
    <section className="map-page">
      <h1>{t('map.title')}</h1>
      <p className="lead">{t('map.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('map.date')}
          value={at}
          onChange={(d) => {
            setRenderedAt(null);
            setAt(d);
          }}
          testId="map-date"
          min={DATA_LOWER_BOUND}
          presets={[
            { label: t('map.now'), value: todayInVietnam() },
            { label: '01/01/2024', value: '2024-01-01' },
          ]}
        />
      </form>
      <p className="note" data-testid="map-era">
        {at < REFORM_DATE ? t('map.era63', { date: formatDateVi(REFORM_DATE) }) : t('map.era34', { date: formatDateVi(REFORM_DATE) })}
      </p>
      {geo.isError && <ErrorBox error={geo.error} title={t('map.geoError')} />}
      {unitsError && <ErrorBox error={unitsError} title={t('map.unitsError')} />}
      <div className="map-layout">
        <div
          className="map-frame"
          data-testid="province-map"
          data-state={ready ? 'ready' : 'loading'}
          data-map-date={ready ? at : undefined}
          data-province-count={ready ? geo.data!.features.length : undefined}
          data-commune-total={ready && counts ? total : undefined}
          data-islands={ready ? islands.map((i) => `${i.id}:${i.provinceCode}`).join(' ') : undefined}
          aria-busy={!ready}
        >
          {!canDraw && !geo.isError && <Loading label={t('map.loading')} />}
          {canDraw && (
            <ChoroplethMap
              mapName={`vn-provinces-${at}`}
              geo={geo.data!}
              values={values}
              names={labelOf}
              valueLabel={t('map.communes')}
              noDataLabel={t('map.noData')}
              labels={labels}
              ariaLabel={t('map.aria', { n: geo.data!.features.length, date: formatDateVi(at) })}
              onRendered={onRendered}
              onSelect={(code) => {
                const id = names.get(code)?.unitId;
                if (id) void navigate({ to: '/don-vi/$unitId', params: { unitId: id } });
              }}
            />
          )}
        </div>
        <div className="map-table">
          <table className="data compact" data-testid="map-table">
            <caption>{t('map.tableCaption', { date: formatDateVi(at) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('map.province')}</th>
                <th scope="col" className="num">
                  {t('map.communes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} data-code={r.code}>
                  <td>{r.unitId ? <UnitLink id={r.unitId}>{r.label}</UnitLink> : r.label}</td>
                  <td className="num">{r.value === null ? '—' : formatNumberVi(r.value)}</td>
                </tr>
              ))}
            </tbody>
            {counts && (
              <tfoot>
                <tr>
                  <th scope="row">{t('map.total', { n: formatNumberVi(rows.length) })}</th>
                  <td className="num">{formatNumberVi(total)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      </div>
      <p className="source">{t('map.source')}</p>
    </section>
  );
}
