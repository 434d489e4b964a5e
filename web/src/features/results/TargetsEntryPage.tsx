/**
 * A province's own targets, entered with their source (the province's resolution): indicator, province
 * as it existed in those years, years, the rule, the citation. The server refuses a province that did not
 * exist in every year of the target, with its reason in Vietnamese.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS, POOR_AREA_GROUP } from '../../../../src/domain/results/indicators';
import { SOURCE_STATUSES, type SourceStatus } from '../../../../src/domain/legal';
import type { TargetRule } from '../../../../src/domain/results/targets';
import { post } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { compareVi } from '../../app/format';
import { currentLanguage, inLanguage } from '../../app/i18n';
import { useMe } from '../../app/session';
import { unitsQuery } from '../units/api';
import { targetsQuery } from './api';
import './texts';
import { ViText } from '../../app/components/ViText';

type RuleKind = TargetRule['kind'];
const RULE_KINDS: RuleKind[] = ['annual_decrease_pp', 'reach_at_least', 'at_most', 'relative_decrease'];
const PROVINCE_INDICATORS = INDICATORS.filter((i) => !POOR_AREA_GROUP[i.code]);

/** "1,5" or "1.5" → 1.5; empty or not a number → null. */
const numberOf = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  return t !== '' && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

export default function TargetsEntryPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const qc = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [indicator, setIndicator] = useState('poor_rate');
  const [fromYear, setFromYear] = useState(String(thisYear));
  const [toYear, setToYear] = useState(String(thisYear));
  const [province, setProvince] = useState('');
  const [kind, setKind] = useState<RuleKind>('annual_decrease_pp');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [labelVi, setLabelVi] = useState('');
  const [citation, setCitation] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [status, setStatus] = useState<SourceStatus>('verified');
  const from = Number(fromYear) || thisYear;
  const provinces = useQuery(unitsQuery({ level: 'province', at: `${from}-01-01` }));
  const targets = useQuery(targetsQuery);
  const own = new Set(me.user.grants.map((g) => g.unitId).filter(Boolean));
  const list = [...(provinces.data ?? [])].sort((x, y) => compareVi(x.name, y.name));
  const chosen = province || list.find((p) => own.has(p.id))?.id || '';

  const rule = () => {
    const x = numberOf(a);
    const y = numberOf(b);
    switch (kind) {
      case 'annual_decrease_pp':
        return { kind, min: x, max: y };
      case 'reach_at_least':
        return { kind, min: x, byYear: y };
      case 'at_most':
        return { kind, max: x, byYear: y };
      case 'relative_decrease':
        return { kind, pct: x, baseYear: null, byYear: y };
    }
  };
  const m = useMutation({
    mutationFn: () =>
      post('/api/results/targets', {
        indicator,
        province: chosen,
        fromYear: Number(fromYear),
        toYear: Number(toYear),
        labelVi,
        rule: rule(),
        citation,
        sourceUrl: sourceUrl.trim() || null,
        status,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['results'] }),
  });
  const [aLabel, bLabel] = t(`results.targetEntry.params.${kind}`, { returnObjects: true }) as [string, string];
  const provinceTargets = (targets.data?.items ?? []).filter((x) => x.unitId !== null);

  return (
    <section data-testid="targets-entry">
      <h1>{t('results.targetEntry.title')}</h1>
      <p className="lead">{t('results.targetEntry.intro')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="t-indicator">{t('results.targetEntry.indicator')}</label>
          <select id="t-indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            {PROVINCE_INDICATORS.map((i) => (
              <option key={i.code} value={i.code}>
                {lang === 'en' ? i.nameEn : i.nameVi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="t-from">{t('results.targetEntry.fromYear')}</label>
          <input id="t-from" inputMode="numeric" value={fromYear} onChange={(e) => setFromYear(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-to">{t('results.targetEntry.toYear')}</label>
          <input id="t-to" inputMode="numeric" value={toYear} onChange={(e) => setToYear(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-province">{t('results.targetEntry.province', { year: from })}</label>
          <select id="t-province" value={chosen} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('results.targetEntry.chooseProvince')}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="t-kind">{t('results.targetEntry.rule')}</label>
          <select id="t-kind" value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`results.targetEntry.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="t-a">{aLabel}</label>
          <input id="t-a" inputMode="decimal" value={a} onChange={(e) => setA(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-b">{bLabel}</label>
          <input id="t-b" inputMode="decimal" value={b} onChange={(e) => setB(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-label">{t('results.targetEntry.label')}</label>
          <input id="t-label" value={labelVi} onChange={(e) => setLabelVi(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-citation">{t('results.targetEntry.citation')}</label>
          <input
            id="t-citation"
            value={citation}
            placeholder={t('results.targetEntry.citationHint')}
            onChange={(e) => setCitation(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="t-url">{t('results.targetEntry.sourceUrl')}</label>
          <input id="t-url" type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="t-status">{t('results.targetEntry.status')}</label>
          <select id="t-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {SOURCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`results.targetEntry.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button className="button-primary" type="submit" disabled={m.isPending}>
            {t('results.targetEntry.save')}
          </button>
        </div>
      </form>
      {m.isError && <ErrorBox error={m.error} />}
      {m.isSuccess && (
        <p className="alert alert-success" role="status" data-testid="target-saved">
          {t('results.targetEntry.saved')}
        </p>
      )}
      <h2>{t('results.provinceTargets')}</h2>
      {targets.isPending && <Loading />}
      {targets.data && provinceTargets.length === 0 && <p className="muted">{t('results.noProvinceTargets')}</p>}
      {provinceTargets.length > 0 && (
        <DataTable
          testId="province-targets"
          columns={[
            t('results.targetEntry.province', { year: '' }),
            t('results.target'),
            t('results.period'),
            t('results.sources'),
          ]}
        >
          {provinceTargets.map((x) => (
            <tr key={x.id}>
              <td>{x.unitName}</td>
              <td>
                <ViText text={x.labelVi} /> <small className="muted">({inLanguage(x.ruleVi, x.ruleEn)})</small>
              </td>
              <td>
                {x.fromYear}–{x.toYear}
              </td>
              <td>{x.sourceUrl ? <a href={x.sourceUrl}>{x.citation}</a> : x.citation}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
