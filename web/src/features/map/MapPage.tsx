/**
 * Map of the provinces on a date: the 34 provinces from 1 July 2025, the 63 before, coloured by an
 * indicator of indicators.ts (for now the number of communes per province; poverty rates to come).
 * The map container exposes what the canvas shows: data-map-date, data-province-count,
 * data-indicator, data-value-total, data-islands, data-state ('ready' after ECharts' 'finished').
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { compareVi, formatDateVi, formatNumberVi, isIsoDate, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { permits, useSession } from '../../app/session';
import { DATA_LOWER_BOUND, REFORM_DATE, unitsQuery } from '../units/api';
import { UnitLink } from '../units/UnitLink';
import { ChoroplethMap } from './ChoroplethMap';
import { ARCHIPELAGOS, archipelagosIn, provincesGeoQuery } from './geo';
import { MAP_INDICATORS } from './indicators';

export default function MapPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The date is in the address (/ban-do?ngay=2024-01-01), so a map on a date can be linked.
  const search = useSearch({ strict: false }) as { ngay?: unknown; chiso?: unknown };
  const at = typeof search.ngay === 'string' && isIsoDate(search.ngay) ? search.ngay : todayInVietnam();
  const me = useSession();
  const indicators = MAP_INDICATORS.filter((i) => !i.can || permits(me, i.can));
  const indicator = indicators.find((i) => i.id === search.chiso) ?? indicators[0];
  const [renderedAt, setRenderedAt] = useState<string | null>(null);
  const renderKey = `${indicator.id}@${at}`;
  const navigate = useNavigate();
  const go = (ngay: string, chiso: string) => {
    setRenderedAt(null);
    void navigate({
      to: '/ban-do',
      search: { ...(ngay !== todayInVietnam() ? { ngay } : {}), ...(chiso !== indicators[0].id ? { chiso } : {}) },
      replace: true,
    });
  };

  const geo = useQuery(provincesGeoQuery(at));
  const provinces = useQuery(unitsQuery({ level: 'province', at })); // names in force on the date
  const figures = useQuery({
    queryKey: ['map-values', indicator.id, at],
    queryFn: ({ signal }) => indicator.load(at, signal),
    staleTime: 10 * 60_000,
  });
  const counts = figures.data?.values ?? null;
  const notes = figures.data?.notes ?? null;
  const figuresError = figures.error;

  const values = useMemo(
    () =>
      geo.data
        ? geo.data.features.map((f) => ({ code: f.properties.code, value: counts?.get(f.properties.code) ?? null }))
        : [],
    [geo.data, counts],
  );
  const islands = useMemo(() => (geo.data ? archipelagosIn(geo.data) : []), [geo.data]);
  const labels = useMemo(
    () =>
      ARCHIPELAGOS.filter((a) => islands.some((i) => i.id === a.id)).map((a) => ({
        lon: a.at[0],
        lat: a.at[1],
        text: a.label[lang],
      })),
    [islands, lang],
  );
  // Names as in force on the date (units API; the boundary file's as a fallback). Place names stay
  // Vietnamese, with their diacritics, in both languages of the interface.
  const names = useMemo(() => {
    const byCode = new Map((provinces.data ?? []).map((p) => [p.code, p]));
    return new Map(
      (geo.data?.features ?? []).map((f) => {
        const u = byCode.get(f.properties.code);
        return [
          f.properties.code,
          { label: u?.fullName ?? f.properties.full_name, sortKey: u?.name ?? f.properties.name, unitId: u?.id },
        ];
      }),
    );
  }, [geo.data, provinces.data]);
  const rows = useMemo(
    () =>
      (geo.data?.features ?? [])
        .map((f) => ({
          code: f.properties.code,
          ...names.get(f.properties.code)!,
          value: counts?.get(f.properties.code) ?? null,
        }))
        .sort((a, b) => compareVi(a.sortKey, b.sortKey)),
    [geo.data, counts, names],
  );
  const labelOf = useMemo(() => new Map(rows.map((r) => [r.code, r.label])), [rows]);
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const canDraw = !!geo.data && (counts !== null || !!figuresError);
  const onRendered = useCallback(() => setRenderedAt(renderKey), [renderKey]);
  const ready = canDraw && renderedAt === renderKey;

  return (
    <section className="map-page">
      <h1>{t('map.title')}</h1>
      <p className="lead">{t('map.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('map.date')}
          value={at}
          onChange={(d) => go(d, indicator.id)}
          testId="map-date"
          min={DATA_LOWER_BOUND}
          presets={[
            { label: t('map.now'), value: todayInVietnam() },
            { label: '01/01/2024', value: '2024-01-01' },
          ]}
        />
        {indicators.length > 1 && (
          <div className="field">
            <label htmlFor="map-indicator">{t('map.indicator')}</label>
            <select id="map-indicator" value={indicator.id} onChange={(e) => go(at, e.target.value)}>
              {indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label[lang]}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <p className="note" data-testid="map-era">
        {at < REFORM_DATE
          ? t('map.era63', { date: formatDateVi(REFORM_DATE) })
          : t('map.era34', { date: formatDateVi(REFORM_DATE) })}
      </p>
      {geo.isError && <ErrorBox error={geo.error} title={t('map.geoError')} />}
      {figuresError && <ErrorBox error={figuresError} title={t('map.valuesError')} />}
      <div className="map-layout">
        <div
          className="map-frame"
          data-testid="province-map"
          data-state={ready ? 'ready' : 'loading'}
          data-map-date={ready ? at : undefined}
          data-province-count={ready ? geo.data!.features.length : undefined}
          data-indicator={ready ? indicator.id : undefined}
          data-value-total={ready && counts && indicator.additive ? total : undefined}
          data-islands={ready ? islands.map((i) => `${i.id}:${i.provinceCode}`).join(' ') : undefined}
          aria-busy={!ready}
        >
          {!canDraw && !geo.isError && <Loading label={t('map.loading')} />}
          {canDraw && (
            <ChoroplethMap
              key={indicator.id}
              mapName={`vn-provinces-${at}`}
              geo={geo.data!}
              values={values}
              names={labelOf}
              valueLabel={indicator.label[lang]}
              format={indicator.format}
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
                  {indicator.label[lang]}
                </th>
                {notes && <th scope="col">{t('map.note')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} data-code={r.code}>
                  <td>{r.unitId ? <UnitLink id={r.unitId}>{r.label}</UnitLink> : r.label}</td>
                  <td className="num">{r.value === null ? '—' : indicator.format(r.value)}</td>
                  {notes && <td className="note">{notes.get(r.code) ?? ''}</td>}
                </tr>
              ))}
            </tbody>
            {counts && indicator.additive && (
              <tfoot>
                <tr>
                  <th scope="row">{t('map.total', { n: formatNumberVi(rows.length) })}</th>
                  <td className="num">{indicator.format(total)}</td>
                  {notes && <td />}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      </div>
      {indicator.source && <p className="source">{indicator.source[lang]}</p>}
      <p className="source">{t('map.source')}</p>
    </section>
  );
}
