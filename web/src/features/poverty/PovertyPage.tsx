/**
 * Poor and near-poor households: the summary by province, region or nation (rates from sums), and
 * for commune and province officers the commune's review: template, all-or-nothing import with
 * every error listed by sheet/row/column, the steps of QĐ 24/2021 and the approvals up the chain.
 */
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { todayInVietnam } from '../../app/format';
import { useMe } from '../../app/session';
import { currentReviewYear } from '../../../../src/domain/poverty/scope';
import type { SummaryStatus } from '../../../../src/modules/poverty/contracts';
import { summaryQuery } from './api';
import SummaryLine from './SummaryLine';
import CommuneWork from './CommuneWork';
import Standards from './Standards';
import Published from './Published';
import Progress from './Progress';
import './texts';

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
      {me.can.poverty.communeWork && <CommuneWork year={year} linked={linkedCommune} />}
      <Standards />
    </section>
  );
}
