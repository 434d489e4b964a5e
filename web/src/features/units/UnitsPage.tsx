/** Administrative units on a date: level, province, text filter; Vietnamese alphabetical order. */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { compareVi, formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import {
  DATA_LOWER_BOUND,
  levelsOn,
  matchesQuery,
  REFORM_DATE,
  searchKey,
  unitsQuery,
  type Unit,
  type UnitLevel,
} from './api';
import { UnitLink } from './UnitLink';
import { UnitPicker } from './UnitPicker';

const MAX_ROWS = 300;

export default function UnitsPage() {
  const { t } = useTranslation();
  const [at, setAt] = useState(todayInVietnam());
  const levels = levelsOn(at, REFORM_DATE);
  const [chosenLevel, setLevel] = useState<UnitLevel>('province');
  const level = levels.includes(chosenLevel) ? chosenLevel : 'province';
  const [province, setProvince] = useState<Unit | null>(null);
  const [filter, setFilter] = useState('');

  const units = useQuery(unitsQuery({ level, at }));
  const provinces = useQuery(unitsQuery({ level: 'province', at }));
  const names = useMemo(() => new Map((provinces.data ?? []).map((p) => [p.id, p.fullName])), [provinces.data]);

  const rows = useMemo(() => {
    let list = units.data ?? [];
    if (province && level !== 'province')
      list = list.filter((u) => u.provinceId === province.id || u.parentId === province.id);
    if (filter.trim()) list = list.filter((u) => matchesQuery(searchKey(u), filter));
    return [...list].sort((a, b) => compareVi(a.name, b.name) || a.code.localeCompare(b.code));
  }, [units.data, province, level, filter]);

  const changeDate = (d: string) => {
    setAt(d);
    setProvince(null); // a province of one date may not exist on another
  };

  return (
    <section>
      <h1>{t('units.title')}</h1>
      <p className="lead">{t('units.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('units.date')}
          value={at}
          onChange={changeDate}
          testId="units-date"
          min={DATA_LOWER_BOUND}
          presets={[
            { label: t('units.today'), value: todayInVietnam() },
            { label: '30/06/2025', value: '2025-06-30' },
          ]}
        />
        <div className="field">
          <label htmlFor="units-level">{t('units.level')}</label>
          <select id="units-level" value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {level !== 'province' && (
          <UnitPicker
            key={at}
            label={t('units.province')}
            level="province"
            at={at}
            value={province}
            onChange={setProvince}
            testId="units-province"
          />
        )}
        <div className="field">
          <label htmlFor="units-filter">{t('units.filter')}</label>
          <input
            id="units-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('units.filterHint')}
          />
        </div>
      </form>

      {at < REFORM_DATE && <p className="note">{t('units.before2025')}</p>}
      {units.isPending && <Loading />}
      {units.isError && <ErrorBox error={units.error} />}
      {units.data && (
        <>
          <p className="count" data-testid="units-count" data-count={rows.length}>
            {t('units.count', { n: formatNumberVi(rows.length), date: formatDateVi(at) })}
            {rows.length > MAX_ROWS && ` ${t('units.truncated', { n: formatNumberVi(MAX_ROWS) })}`}
          </p>
          {rows.length === 0 ? (
            <Empty>{t('units.none')}</Empty>
          ) : (
            <DataTable
              testId="units-table"
              columns={[
                t('units.code'),
                t('units.name'),
                t('units.type'),
                t('units.parent'),
                t('units.validFrom'),
                t('units.validTo'),
              ]}
            >
              {rows.slice(0, MAX_ROWS).map((u) => (
                <tr key={u.id}>
                  <td className="code">{u.code}</td>
                  <td>
                    <UnitLink id={u.id}>{u.fullName}</UnitLink>
                  </td>
                  <td>{u.unitType}</td>
                  <td>
                    {u.parentId ? <UnitLink id={u.parentId}>{names.get(u.parentId) ?? u.parentCode}</UnitLink> : '—'}
                  </td>
                  <td>{formatDateVi(u.validFrom)}</td>
                  <td>{u.validTo ? formatDateVi(u.validTo) : t('units.inForce')}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
