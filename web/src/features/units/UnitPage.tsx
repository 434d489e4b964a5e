/**
 * One unit version: its validity and legal basis, what it was formed from, its children on a date,
 * and what it became (successors; the province it rolls up into). Reached from the units list and
 * the map: /don-vi/<version id>, e.g. /don-vi/P:38:2025-07-01.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageRow, RegionRow, Succession, UnitRow } from '../../../../src/modules/units/contracts';
import { api, query } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { compareVi, formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { DATA_LOWER_BOUND } from './api';
import { UnitLink } from './UnitLink';

type UnitDetail = UnitRow & {
  aliases: { alias: string; kind: string; source: string }[];
  regions: RegionRow[];
  predecessors: LineageRow[];
};

/** 'dd/mm/yyyy – dd/mm/yyyy' with the last day of validity (validTo is exclusive). */
function period(u: { validFrom: string; validTo: string | null }, inForce: string) {
  if (!u.validTo) return `${formatDateVi(u.validFrom)} – ${inForce}`;
  const last = new Date(`${u.validTo}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${formatDateVi(u.validFrom)} – ${formatDateVi(last.toISOString())}`;
}

export default function UnitPage() {
  const { t } = useTranslation();
  const { unitId } = useParams({ strict: false }) as { unitId: string };
  const [at, setAt] = useState<string | null>(null); // null: the server's default (today, or the unit's last day)
  const detail = useQuery({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${encodeURIComponent(unitId)}`, { signal }),
  });
  const children = useQuery({
    queryKey: ['unit', unitId, 'children', at],
    queryFn: ({ signal }) =>
      api<{ at: string; items: UnitRow[] }>(`/api/units/${encodeURIComponent(unitId)}/children${query({ at })}`, {
        signal,
      }),
    enabled: detail.data?.level !== 'commune' && !!detail.data,
  });
  const succession = useQuery({
    queryKey: ['unit', unitId, 'successors'],
    queryFn: ({ signal }) => api<Succession>(`/api/units/${encodeURIComponent(unitId)}/successors`, { signal }),
    enabled: !!detail.data,
  });

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} />;
  const u = detail.data;
  const inForce = t('units.inForce');
  const kids = [...(children.data?.items ?? [])].sort(
    (a, b) => compareVi(a.name, b.name) || a.code.localeCompare(b.code),
  );

  return (
    <section data-testid="unit-page" data-unit-id={u.id}>
      <p className="breadcrumb">
        <Link to="/don-vi">{t('units.title')}</Link>
        {u.parentId && (
          <>
            {' › '}
            <UnitLink id={u.parentId}>{t('unit.parent')}</UnitLink>
          </>
        )}
      </p>
      <h1>{u.fullName}</h1>
      <dl className="facts">
        <dt>{t('units.code')}</dt>
        <dd className="code">{u.code}</dd>
        <dt>{t('units.level')}</dt>
        <dd>
          {t(`levels.${u.level}`)} — {u.unitType}
        </dd>
        <dt>{t('unit.validity')}</dt>
        <dd>{period(u, inForce)}</dd>
        {u.legalBasis && (
          <>
            <dt>{t('unit.legalBasis')}</dt>
            <dd>{u.legalBasis}</dd>
          </>
        )}
        {u.regions.length > 0 && (
          <>
            <dt>{t('unit.regions')}</dt>
            <dd>{u.regions.map((r) => `${r.name}${r.verified ? '' : ` (${t('unit.unverified')})`}`).join('; ')}</dd>
          </>
        )}
        {u.aliases.length > 0 && (
          <>
            <dt>{t('unit.aliases')}</dt>
            <dd>{u.aliases.map((a) => a.alias).join(', ')}</dd>
          </>
        )}
        <dt>{t('unit.source')}</dt>
        <dd>{u.source}</dd>
        {u.note && (
          <>
            <dt>{t('unit.note')}</dt>
            <dd>{u.note}</dd>
          </>
        )}
      </dl>

      {u.predecessors.length > 0 && (
        <>
          <h2>{t('unit.formedFrom')}</h2>
          <ul className="plain-list">
            {u.predecessors.map((p) => (
              <li key={p.id}>
                <UnitLink id={p.fromId}>{p.fromName}</UnitLink> <span className="code muted">{p.fromCode}</span> —{' '}
                {t(`unresolved.relation_${p.relation}`)}, {formatDateVi(p.effective)}
                {!p.resolved && <strong className="flag"> {t('unit.suspect')}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('unit.became')}</h2>
      {succession.isPending && <Loading />}
      {succession.isError && <ErrorBox error={succession.error} />}
      {succession.data && (
        <div data-testid="unit-successors">
          {succession.data.successors.length > 0 && (
            <ul className="plain-list">
              {succession.data.successors.map((s) => (
                <li key={s.unit.id}>
                  <UnitLink id={s.unit.id}>{s.unit.fullName}</UnitLink>{' '}
                  <span className="code muted">{s.unit.code}</span> — {t(`unresolved.relation_${s.relation}`)}
                </li>
              ))}
            </ul>
          )}
          {succession.data.unresolved.length > 0 && (
            <p className="alert alert-error">
              {t('unit.unresolved')}:{' '}
              {succession.data.unresolved.map((s) => `${s.unit.fullName} (${s.unit.code})`).join('; ')}
            </p>
          )}
          {succession.data.rollupProvince && succession.data.rollupProvince.id !== u.id && (
            <p>
              {t('unit.rollup')}:{' '}
              <UnitLink id={succession.data.rollupProvince.id}>{succession.data.rollupProvince.fullName}</UnitLink>
            </p>
          )}
          {succession.data.note && <p className="note">{succession.data.note}</p>}
        </div>
      )}

      {u.level !== 'commune' && (
        <>
          <h2>{t('unit.children')}</h2>
          <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
            <DateField
              label={t('units.date')}
              value={at ?? children.data?.at ?? todayInVietnam()}
              onChange={setAt}
              testId="unit-children-date"
              min={DATA_LOWER_BOUND}
            />
          </form>
          {children.isPending && <Loading />}
          {children.isError && <ErrorBox error={children.error} />}
          {children.data && kids.length === 0 && <Empty>{t('unit.noChildren')}</Empty>}
          {children.data && kids.length > 0 && (
            <>
              <p className="count" data-testid="unit-children-count" data-count={kids.length}>
                {t('units.count', { n: formatNumberVi(kids.length), date: formatDateVi(children.data.at) })}
              </p>
              <DataTable columns={[t('units.code'), t('units.name'), t('units.type'), t('unit.validity')]}>
                {kids.map((k) => (
                  <tr key={k.id}>
                    <td className="code">{k.code}</td>
                    <td>
                      <UnitLink id={k.id}>{k.fullName}</UnitLink>
                    </td>
                    <td>{k.unitType}</td>
                    <td>{period(k, inForce)}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      )}
    </section>
  );
}
