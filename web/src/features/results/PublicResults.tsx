/**
 * What anyone may see: targets and progress, the published national and regional results, poor
 * districts and ĐBKK communes with their exits, and the sources. Aggregated only: the list of poor
 * districts and communes is itself published by decision; no unit below a region is given figures.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { publicCsvUrl, publicQuery, type AreaGroupView, type PublicResults as Data } from './api';
import { RegionalMap } from './RegionalMap';
import { TargetsTable } from './TargetsTable';
import './texts';
import { ViText } from '../../app/components/ViText';

export function PublicResults({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const q = useQuery(publicQuery);
  return (
    <section className="results-public" data-testid="public-results">
      <h1>{t('results.publicTitle')}</h1>
      <p className="lead">{t('results.publicIntro')}</p>
      <p className="actions">
        <a className="button-secondary" href={publicCsvUrl} download>
          {t('results.downloadCsv')}
        </a>{' '}
        <a className="button-secondary" href="/api/results/public">
          {t('results.json')}
        </a>{' '}
        <Link to="/ban-do" className="button-secondary">
          {t('results.map')}
        </Link>
      </p>
      {!signedIn && <p className="note">{t('results.signInHint')}</p>}
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data && <Body data={q.data} />}
    </section>
  );
}

function Body({ data }: { data: Data }) {
  const { t } = useTranslation();
  const years = [...new Set(data.figures.map((f) => f.year))].sort();
  const areas = [...new Map(data.figures.map((f) => [f.areaCode, f.areaName])).entries()];
  const cell = (year: number, area: string, indicator: string) =>
    data.figures.find((f) => f.year === year && f.areaCode === area && f.indicator === indicator)?.ratePct ?? null;
  return (
    <>
      <h2>{t('results.targets')}</h2>
      <TargetsTable targets={data.targets} testId="public-targets" />
      <h3>{t('results.otherTargets')}</h3>
      <ul>
        {data.otherTargets.map((o) => (
          <li key={o.code}>
            <ViText text={o.labelVi} />{' '}
            <small className="muted">
              ({o.citation}, {t(`results.statusLabels.${o.status}`)})
            </small>
          </li>
        ))}
      </ul>
      <RegionalMap figures={data.figures} />
      <h2>{t('results.figures')}</h2>
      <DataTable
        testId="public-figures"
        columns={[
          t('results.area'),
          ...years.flatMap((y) => [`${y}: ${t('results.poorRate')}`, `${y}: ${t('results.multidimRate')}`]),
        ]}
      >
        {areas.map(([code, name]) => (
          <tr key={code} data-area={code}>
            <th scope="row">{name}</th>
            {years
              .flatMap((y) => [cell(y, code, 'poor'), cell(y, code, 'multidim')])
              .map((v, i) => (
                <td key={i} className="num">
                  {v === null ? '—' : formatNumberVi(v, 2)}
                </td>
              ))}
          </tr>
        ))}
      </DataTable>
      <h2>{t('results.areas')}</h2>
      {data.areas.map((a) => (
        <AreaGroup key={a.code} group={a} />
      ))}
      <h2>{t('results.sources')}</h2>
      <ul className="sources" data-testid="public-sources">
        {data.sources.map((s) => (
          <li key={s.id}>
            <strong>{s.number}</strong> — {s.title} ({s.issuer}, {s.date.length === 10 ? formatDateVi(s.date) : s.date};{' '}
            {t(`results.statusLabels.${s.status}`)})
            <br />
            <small className="muted">{s.whereRead}</small>
          </li>
        ))}
      </ul>
    </>
  );
}

function AreaGroup({ group }: { group: AreaGroupView }) {
  const { t } = useTranslation();
  const last = group.exitedByYear.filter((e) => e.exited !== null).at(-1);
  return (
    <div className="area-group" data-group={group.code}>
      <h3>{group.nameVi}</h3>
      <p>
        {t('results.listed', {
          basis: group.legalBasis,
          size: group.officialSize,
          listed: group.listed,
          missing: group.missing,
        })}
      </p>
      <p>
        {t('results.exited')}:{' '}
        <strong data-testid={`exited-${group.code}`}>{last?.exited ?? t('results.noData')}</strong>
        {last?.sharePct != null && (
          <>
            {' '}
            ({formatNumberVi(last.sharePct, 1)}%
            {group.targetPct !== null && last.progressPct !== null && (
              <>
                {' '}
                — {t('results.progress', { pct: group.targetPct })}: {formatNumberVi(last.progressPct, 0)}%
              </>
            )}
            )
          </>
        )}
      </p>
      {group.exits.length > 0 && (
        <ul>
          {group.exits.map((e, i) => (
            <li key={i}>
              {e.decision} ({formatDateVi(e.decidedOn)}): {e.count} {e.cumulative ? t('results.cumulative') : ''} —{' '}
              {t(`results.statusLabels.${e.status}`)}
              {e.note ? `. ${e.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>
          {t('results.members')} ({group.listed})
        </summary>
        <DataTable
          columns={[
            t('results.stt'),
            t('results.name'),
            t('results.province'),
            t('results.currentProvince'),
            t('results.status'),
          ]}
        >
          {group.members.map((m) => (
            <tr key={m.seq}>
              <td>{m.stt ?? '—'}</td>
              <td>{m.name}</td>
              <td>{m.provinceName}</td>
              <td>{m.currentProvince ?? '—'}</td>
              <td>
                {m.sourceUrl ? (
                  <a href={m.sourceUrl} rel="noreferrer noopener" target="_blank">
                    {t(`results.statusLabels.${m.status}`)}
                  </a>
                ) : (
                  t(`results.statusLabels.${m.status}`)
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </details>
    </div>
  );
}

export default function PublicResultsPage() {
  return <PublicResults signedIn={false} />;
}
