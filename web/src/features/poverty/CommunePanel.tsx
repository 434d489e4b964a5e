/**
 * One commune's review of a year: template, all-or-nothing import, resident households, steps and approvals,
 * households.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { EMPTY_WORKBOOK } from '../../../../src/domain/poverty/workbook';
import { ErrorBox } from '../../app/components/feedback';
import { LoadMore } from '../../app/components/lists';
import { CLASS_LABEL_VI } from '../../../../src/domain/poverty/classify';
import { OCCUPATION_LABEL_VI } from '../../../../src/domain/poverty/types';
import type { ImportAnswer, ScopeCommune } from '../../../../src/modules/poverty/contracts';
import { communePath, useHouseholds, reviewsQuery, uploadWorkbook } from './api';
import ResidentHouseholds from './ResidentHouseholds';
import Review from './Review';
import { CommuneApplications } from './Applications';

export default function CommunePanel({ commune, year }: { commune: ScopeCommune; year: number }) {
  const communeId = commune.id;
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const reviews = useQuery(reviewsQuery(year));
  const households = useHouseholds(communeId, year);
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
        can={commune.can}
      />
      {/* monthly requests (QĐ 24/2021, Điều 5): received and decided by those who record the review's steps */}
      <CommuneApplications communeId={communeId} year={year} canAct={commune.can.recordStep} />
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
          <LoadMore pages={households} />
        </>
      )}
    </div>
  );
}
