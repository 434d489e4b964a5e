/**
 * Poor and near-poor households: the summary by province, region or nation (rates from sums), and
 * for commune and province officers the commune's review: template, all-or-nothing import with
 * every error listed by sheet/row/column, the steps of QĐ 24/2021 and the approvals up the chain.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, post } from '../../app/api';
import { EMPTY_WORKBOOK } from '../../../../src/modules/poverty/contracts';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { DateField } from '../../app/components/DateField';
import { CommuneApplications } from './Applications';
import { formatDateTimeVi, formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { allows, useMe, type Role } from '../../app/session';
import { CLASS_LABEL_VI } from '../../../../src/domain/poverty/classify';
import {
  openCampaign,
  stepsOf,
  STEP_INFO,
  LEVEL_LABEL_VI,
  CHAIN_INFO,
  CHAIN_LOCK_INFO,
  chainOf,
} from '../../../../src/domain/poverty/review';
import { areaLabelVi, NO_RESIDENT_HOUSEHOLDS_VI } from '../../../../src/domain/poverty/resident';
import { OCCUPATION_LABEL_VI } from '../../../../src/domain/poverty/types';
import { currentReviewYear } from '../../../../src/domain/poverty/scope';
import { UnitPicker } from '../units/UnitPicker';
import type { Unit } from '../units/api';
import {
  applicationsQuery,
  communePath,
  householdsQuery,
  publishedQuery,
  residentQuery,
  reviewsQuery,
  scopeCommunesQuery,
  standardsQuery,
  summaryQuery,
  uploadWorkbook,
  uploadResidentFile,
  type CommuneProgress,
  type ScopeCommune,
  type ImportOutcome,
  type ReportLevel,
  type SummaryRow,
  type SummaryStatus,
} from './api';
import './texts';

const WORKERS: Role[] = ['admin', 'program_owner', 'province_officer', 'commune_officer'];
const pct = (v: number | null) => (v === null ? '—' : formatNumberVi(v, 2));
/** A rate over resident households: unknown denominator → "chưa có số hộ dân cư", never a rate over the register. */
const rate = (v: number | null) => (v === null ? NO_RESIDENT_HOUSEHOLDS_VI : formatNumberVi(v, 2));
const partLabel = (part: string, year: number, t: (k: string) => string) =>
  part === 'rural' || part === 'urban' ? areaLabelVi(part, year) : part === 'all' ? '' : t(`poverty.parts.${part}`);

/** The address carries the year and the opened commune (/ho-ngheo?nam=2026&xa=<id>), so a commune can be linked. */
interface PovertySearch {
  nam?: unknown;
  xa?: unknown;
}

export default function PovertyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ strict: false }) as PovertySearch;
  const linkedYear = Number(search.nam);
  // The review in progress by default (from 01/09 of a year, that year's review), not a fixed year.
  const [year, setYear] = useState(
    Number.isInteger(linkedYear) && linkedYear >= 2022 && linkedYear <= 2030
      ? linkedYear
      : currentReviewYear(todayInVietnam()),
  );
  const linkedCommune = typeof search.xa === 'string' && search.xa ? search.xa : null;
  const [level, setLevel] = useState('province');
  const [boundaries, setBoundaries] = useState('review');
  const [status, setStatus] = useState<SummaryStatus>('official');
  const summary = useQuery(summaryQuery({ year, level, boundaries, status }));
  return (
    <section data-testid="poverty-page">
      <h1>{t('poverty.title')}</h1>
      <p className="lead">{t('poverty.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('poverty.year')}</span>
          <input
            type="number"
            min={2022}
            max={2030}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            data-testid="poverty-year"
          />
        </label>
        <label className="field">
          <span>{t('poverty.level')}</span>
          <select value={level} onChange={(e) => setLevel(e.target.value)} data-testid="poverty-level">
            {(['province', 'region', 'nation'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`poverty.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('poverty.boundaries')}</span>
          <select value={boundaries} onChange={(e) => setBoundaries(e.target.value)}>
            <option value="review">{t('poverty.boundariesReview')}</option>
            <option value="current">{t('poverty.boundariesCurrent')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('poverty.figuresStatus')}</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as SummaryStatus)}
            data-testid="poverty-status"
          >
            <option value="official">{t('poverty.statusOfficial')}</option>
            <option value="all">{t('poverty.statusAll')}</option>
          </select>
        </label>
      </form>

      <h2>{t('poverty.summary')}</h2>
      {summary.isPending && <Loading />}
      {summary.isError && <ErrorBox error={summary.error} />}
      {summary.data &&
        (summary.data.rows.length === 0 ? (
          <Empty>{t('poverty.noData')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data" data-testid="poverty-summary">
              <thead>
                <tr>
                  <th>{t('poverty.unit')}</th>
                  <th className="num">{t('poverty.households')}</th>
                  <th className="num">{t('poverty.poor')}</th>
                  <th className="num">{t('poverty.poorPct')}</th>
                  <th className="num">{t('poverty.nearPoor')}</th>
                  <th className="num">{t('poverty.nearPoorPct')}</th>
                  <th className="num">{t('poverty.escaped')}</th>
                  <th className="num">{t('poverty.newlyPoor')}</th>
                  <th className="num">{t('poverty.relapsed')}</th>
                  <th className="num">{t('poverty.noLabour')}</th>
                  <th className="num">{t('poverty.coverage')}</th>
                  <th>{t('poverty.figures')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.data.rows.map((r) => (
                  <SummaryLine key={`${r.unitId}|${r.part}`} r={r} year={year} />
                ))}
              </tbody>
            </table>
            <p>
              <small>{t('poverty.rateNote')}</small>
            </p>
            {summary.data.unresolved.length > 0 && (
              <p className="alert alert-info">{t('poverty.unresolved', { n: summary.data.unresolved.length })}</p>
            )}
          </div>
        ))}

      <p>
        <a
          className="button-secondary"
          href={`/api/poverty/summary.xlsx?year=${year}&level=${level}&boundaries=${boundaries}&status=${status}`}
          download
          data-testid="poverty-summary-xlsx"
        >
          {t('poverty.exportXlsx')}
        </a>{' '}
        <a
          className="button-secondary"
          href={`/api/poverty/summary.csv?year=${year}&level=${level}&boundaries=${boundaries}&status=${status}`}
          download
          data-testid="poverty-summary-csv"
        >
          {t('poverty.exportCsvVi')}
        </a>
      </p>
      <Published year={year} />
      <Progress year={year} />
      {allows(me.user, WORKERS) && <CommuneWork year={year} linked={linkedCommune} />}
      <Standards />
    </section>
  );
}

function SummaryLine({ r, year }: { r: SummaryRow; year: number }) {
  const { t } = useTranslation();
  const part = partLabel(r.part, year, t);
  return (
    <tr
      data-testid="poverty-summary-row"
      data-code={r.code}
      data-part={r.part}
      data-households={r.households ?? ''}
      data-registered={r.registeredHouseholds}
      data-poor-pct={r.poorRate === null ? '' : r.poorRate.toFixed(2)}
      data-coverage={`${r.coverage.reporting}/${r.coverage.total}`}
      data-official={r.official ? 'true' : 'false'}
    >
      <td>
        {r.name}
        {part && ` — ${part}`}
      </td>
      <td className="num">{r.households === null ? NO_RESIDENT_HOUSEHOLDS_VI : formatNumberVi(r.households)}</td>
      <td className="num">{formatNumberVi(r.poor)}</td>
      <td className="num">{rate(r.poorRate)}</td>
      <td className="num">{formatNumberVi(r.nearPoor)}</td>
      <td className="num">{rate(r.nearPoorRate)}</td>
      <td className="num">{formatNumberVi(r.escapedPoor)}</td>
      <td className="num">{formatNumberVi(r.newlyPoor)}</td>
      <td className="num">{formatNumberVi(r.relapsed)}</td>
      <td className="num">{formatNumberVi(r.poorNoLabour + r.nearPoorNoLabour)}</td>
      <td className="num">
        {t('poverty.coverageValue', {
          reporting: formatNumberVi(r.coverage.reporting),
          total: formatNumberVi(r.coverage.total),
        })}
      </td>
      <td>{r.official ? t('poverty.official') : t('poverty.provisional')}</td>
    </tr>
  );
}

/** A commune of the scope as the unit picker lists it (its label names the province when the name repeats). */
const asUnit = (c: ScopeCommune): Unit => ({
  id: c.id,
  code: c.code,
  name: c.name,
  fullName: c.label,
  level: 'commune',
  unitType: '',
  parentId: c.provinceId,
  parentCode: null,
  provinceId: c.provinceId,
  validFrom: '',
  validTo: null,
});

function CommuneWork({ year, linked }: { year: number; linked: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const own = me.user.grants.find((g) => g.role === 'commune_officer')?.unitId ?? null;
  const scope = useQuery(scopeCommunesQuery(year));
  const [picked, setPicked] = useState<Unit | null>(null);
  const communes = scope.data ?? [];
  const options = communes.map(asUnit);
  const wanted = picked?.id ?? linked ?? own;
  // A commune officer's grant may name the commune of today while an earlier year's review was held
  // by the old commune(s) it covers: then their one commune of that year opens, or they choose.
  const chosen = wanted
    ? (communes.find((c) => c.id === wanted) ?? (wanted === own && communes.length === 1 ? communes[0] : null))
    : null;
  const showPicker = !own || communes.length > 1;
  const isProvince = !own && me.user.grants.some((g) => g.role === 'province_officer');
  return (
    <>
      <h2>{t('poverty.communeWork')}</h2>
      <ResidentFile year={year} />
      {scope.isError && <ErrorBox error={scope.error} />}
      {showPicker && scope.data && (
        <UnitPicker
          label={t('poverty.commune')}
          level="commune"
          at={`${year}-12-14`}
          value={picked ?? (chosen ? asUnit(chosen) : null)}
          onChange={setPicked}
          testId="poverty-commune"
          options={options}
        />
      )}
      {/* A commune outside the scope (an old link, a typed address) is refused here, not only by the server. */}
      {scope.data && wanted && !chosen && !(wanted === own && communes.length > 1) && (
        <p className="alert alert-error" role="alert" data-testid="poverty-out-of-scope">
          {t('poverty.outOfScope')}
        </p>
      )}
      {chosen && <CommunePanel key={chosen.id} commune={chosen} year={year} />}
      {isProvince && scope.data && <ScopeCommunes communes={communes} year={year} />}
    </>
  );
}

/**
 * The communes of the province officer's scope: every one, with its review status, resident households, last import and
 * next step.
 */
function ScopeCommunes({ communes, year }: { communes: ScopeCommune[]; year: number }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('poverty.scopeCommunes', { n: formatNumberVi(communes.length) })}</h3>
      <div className="table-wrap">
        <table className="data compact" data-testid="poverty-scope-communes">
          <thead>
            <tr>
              <th>{t('poverty.commune')}</th>
              <th>{t('poverty.reviewStatus')}</th>
              <th className="num">{t('poverty.residentShort')}</th>
              <th>{t('poverty.lastImport')}</th>
              <th>{t('poverty.nextStep')}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((c) => (
              <tr
                key={c.id}
                data-testid="poverty-scope-commune"
                data-commune={c.id}
                data-province={c.provinceId}
                data-imported={c.lastImport ? 'true' : 'false'}
              >
                <td>
                  <Link to="/ho-ngheo" search={{ nam: year, xa: c.id }} data-testid="poverty-scope-link">
                    {c.label}
                  </Link>
                </td>
                <td>
                  {c.statusVi}
                  {c.overdue ? ` — ${t('poverty.overdue')}` : ''}
                </td>
                <td className="num">
                  {c.residentHouseholds === null ? NO_RESIDENT_HOUSEHOLDS_VI : formatNumberVi(c.residentHouseholds)}
                </td>
                <td>
                  {c.lastImport
                    ? t('poverty.lastImportValue', {
                        on: formatDateTimeVi(c.lastImport.at),
                        n: formatNumberVi(c.lastImport.households ?? 0),
                      })
                    : t('poverty.notImported')}
                </td>
                <td>{c.nextStepVi ?? t('poverty.done')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CommunePanel({ commune, year }: { commune: ScopeCommune; year: number }) {
  const communeId = commune.id;
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const reviews = useQuery(reviewsQuery(year));
  const households = useQuery(householdsQuery(communeId, year));
  const refresh = () => qc.invalidateQueries({ queryKey: ['poverty'] });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setOutcome(null);
    setProgress(0);
    try {
      setOutcome(await uploadWorkbook(communeId, year, file, setProgress, emptyRefused && confirmEmpty));
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  const problems = error instanceof ApiError ? error.problems : [];
  // A workbook without households would replace the commune's results with an empty list: the server refuses it
  // unless the user confirms that the commune has none to list; the box is offered only after that refusal.
  const emptyRefused = error instanceof ApiError && error.code === EMPTY_WORKBOOK;
  const progressRow = reviews.data?.communes.find((c) => c.communeId === communeId) ?? null;

  return (
    <div data-testid="poverty-commune-panel" data-commune={communeId}>
      <h3 data-testid="poverty-commune-name">
        {commune.name}, {commune.provinceName} — {t('poverty.reviewOfYear', { year })}
      </h3>
      {households.isError && <ErrorBox error={households.error} />}
      <p>
        <a className="button-secondary" href={communePath(communeId, `template.xlsx?year=${year}`)} download>
          {t('poverty.template')}
        </a>{' '}
        <a className="button-secondary" href={communePath(communeId, `export.xlsx?year=${year}`)} download>
          {t('poverty.exportList')}
        </a>
      </p>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>{t('poverty.file')}</span>
          <input
            type="file"
            accept=".xlsx"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setConfirmEmpty(false);
            }}
            data-testid="poverty-file"
          />
        </label>
        {emptyRefused && (
          <label className="confirm-check">
            <input
              type="checkbox"
              checked={confirmEmpty}
              onChange={(e) => setConfirmEmpty(e.target.checked)}
              data-testid="poverty-confirm-empty"
            />
            <span>{t('poverty.confirmEmpty')}</span>
          </label>
        )}
        <div className="field">
          <span>&nbsp;</span>
          <button
            className="button-primary"
            type="submit"
            disabled={!file || progress !== null}
            data-testid="poverty-import"
          >
            {t('poverty.import')}
          </button>
        </div>
        {progress !== null && (
          <progress max={100} value={progress} aria-label={t('poverty.importing', { pct: progress })} />
        )}
      </form>
      {outcome && (
        <p className="alert alert-success" role="status" data-testid="poverty-import-result">
          {outcome.unchanged
            ? t('poverty.unchanged')
            : t('poverty.imported', {
                households: outcome.households,
                members: outcome.members,
                poor: outcome.classes.poor,
                nearPoor: outcome.classes.near_poor,
              })}
        </p>
      )}
      {error !== null && problems.length === 0 && <ErrorBox error={error} />}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('poverty.problems')}</p>
          <table className="data compact" data-testid="poverty-import-problems">
            <thead>
              <tr>
                <th>{t('poverty.sheet')}</th>
                <th>{t('poverty.row')}</th>
                <th>{t('poverty.column')}</th>
                <th>{t('poverty.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr
                  key={i}
                  data-testid="poverty-problem"
                  data-cell={`${p.sheet ?? ''}!${p.column ?? ''}${p.row ?? ''}`}
                >
                  <td>{p.sheet}</td>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ResidentHouseholds communeId={communeId} year={year} onChange={refresh} />
      <Review
        communeId={communeId}
        year={year}
        progress={progressRow}
        imported={commune.lastImport !== null}
        onChange={refresh}
        roles={me.user.grants.map((g) => g.role)}
      />
      <CommuneApplications
        communeId={communeId}
        year={year}
        canAct={allows(me.user, ['commune_officer', 'admin', 'program_owner'])}
      />
      {households.data && households.data.length > 0 && (
        <>
          <h3>{t('poverty.householdList')}</h3>
          <div className="table-wrap">
            <table className="data compact" data-testid="poverty-households">
              <thead>
                <tr>
                  <th>{t('poverty.code')}</th>
                  <th>{t('poverty.head')}</th>
                  <th>{t('poverty.class')}</th>
                  <th className="num">A</th>
                  <th className="num">B</th>
                  <th>{t('poverty.occupation')}</th>
                  <th>{t('poverty.noLabourShort')}</th>
                </tr>
              </thead>
              <tbody>
                {households.data.map((h) => (
                  <tr key={h.id} data-testid="poverty-household-row" data-class={h.class}>
                    <td>{h.code}</td>
                    <td>{h.headName}</td>
                    <td>{CLASS_LABEL_VI[h.class]}</td>
                    <td className="num">{h.scoreA ?? '—'}</td>
                    <td className="num">{h.scoreB ?? '—'}</td>
                    <td>{h.occupation ? OCCUPATION_LABEL_VI[h.occupation] : t('poverty.unknown')}</td>
                    <td>
                      {h.noLabourCapacity === null
                        ? t('poverty.unknown')
                        : h.noLabourCapacity
                          ? t('poverty.yes')
                          : t('poverty.no')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** Resident households of many communes from a file (Excel sheet "Số hộ dân cư" or CSV): all or nothing. */
function ResidentFile({ year }: { year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const problems = error instanceof ApiError ? error.problems : [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await uploadResidentFile(year, file, () => undefined)).communes);
      await qc.invalidateQueries({ queryKey: ['poverty'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details data-testid="poverty-resident-file">
      <summary>{t('poverty.residentFile')}</summary>
      <p>
        <a className="button-secondary" href={`/api/poverty/resident-households/template.xlsx?year=${year}`} download>
          {t('poverty.residentTemplate')}
        </a>
      </p>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>{t('poverty.residentFileInput')}</span>
          <input
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="poverty-resident-file-input"
          />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button className="button-primary" type="submit" disabled={!file || busy}>
            {t('poverty.import')}
          </button>
        </div>
      </form>
      {done !== null && (
        <p className="alert alert-success" role="status">
          {t('poverty.residentImported', { n: done })}
        </p>
      )}
      {error !== null && problems.length === 0 && <ErrorBox error={error} />}
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('poverty.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {[p.sheet, p.row && `${t('poverty.row')} ${p.row}`, p.column && `${t('poverty.column')} ${p.column}`]
                  .filter(Boolean)
                  .join(', ')}
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

/**
 * The commune's resident households of the year (tổng số hộ dân cư): the denominator of its rates, with its source and
 * history.
 */
function ResidentHouseholds({ communeId, year, onChange }: { communeId: string; year: number; onChange: () => void }) {
  const { t } = useTranslation();
  const view = useQuery(residentQuery(communeId, year));
  const [form, setForm] = useState<Record<'total' | 'urban' | 'rural' | 'ethnicMinority' | 'source', string>>({
    total: '',
    urban: '',
    rural: '',
    ethnicMinority: '',
    source: '',
  });
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(/[.\s]/g, '')));
  const save = useMutation({
    mutationFn: () =>
      api(communePath(communeId, 'resident-households'), {
        method: 'PUT',
        body: {
          year,
          total: num(form.total),
          urban: num(form.urban),
          rural: num(form.rural),
          ethnicMinority: num(form.ethnicMinority),
          source: form.source,
        },
      }),
    onSuccess: () => {
      setForm({ total: '', urban: '', rural: '', ethnicMinority: '', source: '' });
      onChange();
    },
  });
  if (!view.data) return view.isError ? <ErrorBox error={view.error} /> : null;
  const cur = view.data.current;
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        inputMode={type === 'text' && key !== 'source' ? 'numeric' : undefined}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`poverty-resident-${key}`}
      />
    </label>
  );
  return (
    <div data-testid="poverty-resident" data-total={cur?.total ?? ''}>
      <h3>{t('poverty.residentTitle')}</h3>
      <p data-testid="poverty-resident-current">
        {cur
          ? t('poverty.residentCurrent', {
              total: formatNumberVi(cur.total),
              source: cur.source ?? t('poverty.noSource'),
              by: cur.recordedBy,
              on: formatDateTimeVi(cur.recordedAt),
            })
          : t('poverty.residentMissing')}
      </p>
      {view.data.can.edit && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {field('total', t('poverty.residentTotal'))}
          {field('urban', areaLabelVi('urban', year))}
          {field('rural', areaLabelVi('rural', year))}
          {field('ethnicMinority', t('poverty.residentMinority'))}
          {field('source', t('poverty.residentSource'))}
          <div className="field">
            <span>&nbsp;</span>
            <button
              className="button-primary"
              type="submit"
              disabled={save.isPending || form.total === ''}
              data-testid="poverty-resident-save"
            >
              {t('poverty.residentSave')}
            </button>
          </div>
        </form>
      )}
      {save.isError && <ErrorBox error={save.error} />}
      {view.data.history.length > 1 && (
        <details>
          <summary>{t('poverty.residentHistory', { n: view.data.history.length })}</summary>
          <ul>
            {view.data.history.map((h, i) => (
              <li key={i}>
                {formatDateTimeVi(h.recordedAt)} — {h.recordedBy}: {formatNumberVi(h.total)} (
                {h.source ?? t('poverty.noSource')})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

const LEVEL_ROLES: Record<ReportLevel, Role[]> = {
  commune: ['commune_officer', 'admin', 'program_owner'],
  district: ['province_officer', 'admin', 'program_owner'],
  province: ['province_officer', 'admin', 'program_owner'],
  central: ['admin', 'program_owner'],
};

function Review({
  communeId,
  year,
  progress,
  imported,
  onChange,
  roles,
}: {
  communeId: string;
  year: number;
  progress: CommuneProgress | null;
  imported: boolean;
  onChange: () => void;
  roles: Role[];
}) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayInVietnam());
  const campaign = openCampaign('periodic', year);
  const steps =
    progress?.steps ??
    (campaign.ok ? stepsOf(campaign.value).map((s) => ({ step: s, labelVi: STEP_INFO[s].labelVi, doneOn: null })) : []);
  const chain =
    progress?.chain ??
    (campaign.ok
      ? chainOf(campaign.value).map((l) => ({ level: l, labelVi: LEVEL_LABEL_VI[l], approvedOn: null }))
      : []);
  const nextStep = progress ? progress.nextStep : (steps[0]?.step ?? null);
  const nextApprover = progress ? progress.nextApprover : (chain[0]?.level ?? null);
  const act = useMutation({
    mutationFn: (body: { path: string; payload: unknown }) => post(communePath(communeId, body.path), body.payload),
    onSuccess: onChange,
  });
  return (
    <div
      data-testid="poverty-review"
      data-locked={progress?.locked ? 'true' : 'false'}
      data-next-step={nextStep ?? ''}
      data-next-approver={nextApprover ?? ''}
    >
      <h3>{t('poverty.steps')}</h3>
      <DateField label={t('poverty.on')} value={on} onChange={setOn} testId="poverty-step-date" />
      <ol>
        {steps.map((s) => (
          <li key={s.step} data-testid="poverty-step" data-step={s.step} data-done={s.doneOn ?? ''}>
            {s.labelVi} <small>({STEP_INFO[s.step].citation})</small>{' '}
            {s.doneOn && <strong>✓ {formatDateVi(s.doneOn)}</strong>}
            {s.step === nextStep && roles.some((r) => ['commune_officer', 'admin', 'program_owner'].includes(r)) && (
              <button
                type="button"
                className="button-link"
                disabled={act.isPending}
                data-testid="poverty-step-record"
                onClick={() => act.mutate({ path: 'review/steps', payload: { year, step: s.step, on } })}
              >
                {t('poverty.record')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('poverty.chain')}</h3>
      <ol>
        {chain.map((c) => (
          <li key={c.level} data-testid="poverty-approval" data-level={c.level} data-approved={c.approvedOn ?? ''}>
            {CHAIN_INFO[c.level].labelVi} <small>({CHAIN_INFO[c.level].citation})</small>{' '}
            {c.approvedOn && <strong>✓ {formatDateVi(c.approvedOn)}</strong>}
            {/* Nothing to approve before the workbook is imported (the server refuses it too). */}
            {c.level === nextApprover && imported && roles.some((r) => LEVEL_ROLES[c.level].includes(r)) && (
              <button
                type="button"
                className="button-secondary"
                disabled={act.isPending}
                data-testid="poverty-approve"
                onClick={() => act.mutate({ path: 'review/approve', payload: { year, level: c.level, on } })}
              >
                {t('poverty.approve', { level: c.labelVi })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <p>
        <small data-testid="poverty-local-practice">
          {t('poverty.localPractice')}: {CHAIN_LOCK_INFO.noteVi}
        </small>
      </p>
      {!imported && (
        <p className="muted" data-testid="poverty-approve-after-import">
          {t('poverty.approveAfterImport')}
        </p>
      )}
      {progress?.locked && <p className="alert alert-info">{t('poverty.locked')}</p>}
      {progress?.overdue && <p className="alert alert-error">{t('poverty.overdue')}</p>}
      {act.isError && <ErrorBox error={act.error} />}
    </div>
  );
}

function Standards() {
  const { t } = useTranslation();
  const s = useQuery(standardsQuery);
  if (!s.data) return null;
  return (
    <>
      <h2>{t('poverty.standards')}</h2>
      <table className="data compact" data-testid="poverty-standards">
        <thead>
          <tr>
            <th></th>
            <th>{t('poverty.incomeLine')}</th>
            <th>{t('poverty.status')}</th>
          </tr>
        </thead>
        <tbody>
          {s.data.standards.map((x) => (
            <tr key={x.id}>
              <td>
                {x.nameVi}
                <br />
                <small>{x.citation}</small>
              </td>
              <td className="num">
                {formatNumberVi(x.incomeLine.rural.value)} / {formatNumberVi(x.incomeLine.urban.value)} đồng
              </td>
              <td>
                {x.status}
                {x.scoreRules === null ? ' — chưa có phiếu chấm điểm' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        {s.data.knownGaps.map((g) => (
          <li key={g}>
            <small>{g}</small>
          </li>
        ))}
      </ul>
    </>
  );
}

function Published({ year }: { year: number }) {
  const { t } = useTranslation();
  const items = useQuery(publishedQuery(year));
  const rows = (items.data ?? []).filter((r) => r.scope === 'national' || r.scope === 'region');
  if (!rows.length) return null;
  const areas = [...new Map(rows.map((r) => [r.areaCode, r.areaName])).entries()];
  const find = (code: string, ind: string) => rows.find((r) => r.areaCode === code && r.indicator === ind);
  return (
    <>
      <h2>{t('poverty.published')}</h2>
      <table className="data compact" data-testid="poverty-published">
        <thead>
          <tr>
            <th>{t('poverty.unit')}</th>
            <th className="num">{t('poverty.poorPct')}</th>
            <th className="num">{t('poverty.nearPoorPct')}</th>
            <th className="num">{t('poverty.multidimPct')}</th>
            <th className="num">{t('poverty.poor')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map(([code, name]) => (
            <tr key={code} data-testid="poverty-published-row" data-code={code}>
              <td>{name}</td>
              <td className="num">{pct(find(code, 'poor')?.ratePct ?? null)}</td>
              <td className="num">{pct(find(code, 'near_poor')?.ratePct ?? null)}</td>
              <td className="num">{pct(find(code, 'multidim')?.ratePct ?? null)}</td>
              <td className="num">
                {find(code, 'poor')?.households != null ? formatNumberVi(find(code, 'poor')!.households!) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t('poverty.publishedNote')}</small>
      </p>
    </>
  );
}

/**
 * Each commune's progress and the deadlines of the year, as the levels above see them; and the regular-review requests.
 */
function Progress({ year }: { year: number }) {
  const { t } = useTranslation();
  const reviews = useQuery(reviewsQuery(year));
  const applications = useQuery(applicationsQuery(year));
  if (!reviews.data) return null;
  return (
    <>
      <h2>{t('poverty.progressTitle')}</h2>
      <p data-testid="poverty-deadlines">
        {t('poverty.deadlines')}:{' '}
        {reviews.data.deadlines
          .filter((d) => d.kind !== 'monthly_report')
          .map((d) => `${d.labelVi} — ${formatDateVi(d.due)}`)
          .join('; ')}
        ; {reviews.data.deadlines.filter((d) => d.kind === 'monthly_report').length} báo cáo tháng (ngày 05, tháng 2–9).
      </p>
      {reviews.data.communes.length > 0 && (
        <div className="table-wrap">
          <table className="data compact" data-testid="poverty-progress">
            <thead>
              <tr>
                <th>{t('poverty.commune')}</th>
                <th>{t('poverty.nextStep')}</th>
                <th>{t('poverty.nextApprover')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.communes.map((c) => (
                <tr
                  key={c.communeId}
                  data-testid="poverty-progress-row"
                  data-commune={c.communeId}
                  data-overdue={c.overdue ? 'true' : 'false'}
                >
                  <td>
                    {c.communeName}, {c.provinceName}
                  </td>
                  <td>{c.nextStep ? STEP_INFO[c.nextStep].labelVi : t('poverty.done')}</td>
                  <td>{c.nextApprover ? LEVEL_LABEL_VI[c.nextApprover] : t('poverty.done')}</td>
                  <td>{c.overdue ? t('poverty.overdue') : c.locked ? t('poverty.locked') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {applications.data && applications.data.length > 0 && (
        <>
          <h3>{t('poverty.applications')}</h3>
          <div className="table-wrap">
            <table className="data compact" data-testid="poverty-applications">
              <thead>
                <tr>
                  <th>{t('poverty.commune')}</th>
                  <th>{t('poverty.applicant')}</th>
                  <th>{t('poverty.received')}</th>
                  <th>{t('poverty.started')}</th>
                  <th>{t('poverty.due')}</th>
                  <th>{t('poverty.decided')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {applications.data.map((a) => (
                  <tr key={a.id} data-status={a.status}>
                    <td>{a.communeName}</td>
                    <td>{a.applicantName ?? '—'}</td>
                    <td>{formatDateVi(a.receivedOn)}</td>
                    <td>{formatDateVi(a.startedOn)}</td>
                    <td>{formatDateVi(a.dueOn)}</td>
                    <td>{a.decidedOn ? formatDateVi(a.decidedOn) : '—'}</td>
                    <td>{t(`poverty.statuses.${a.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
