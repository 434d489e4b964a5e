/** The Program: phases with targets, projects and budget, each fact with its verification status. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import './texts';

interface Program {
  phases: { id: string; name: string; startYear: number; endYear: number; legalBasis: string | null; objective: string | null; factStatus: string; source: string }[];
  targets: { phaseId: string; code: string; name: string; value: string; factStatus: string; source: string }[];
  projects: { phaseId: string; code: string; parentCode: string | null; name: string | null; nameEn: string | null; leadAgency: string | null; leadNote: string | null; factStatus: string }[];
  budget: { phaseId: string; funding: string; capitalType: string; amountBnVnd: number; factStatus: string; source: string }[];
}

export default function ProgramPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['plan', 'program'], queryFn: ({ signal }) => api<Program>('/api/plan/program', { signal }) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  return (
    <section>
      <h1>{t('plan.programTitle')}</h1>
      <p className="lead">{t('plan.programIntro')}</p>
      {q.data.phases.map((p) => {
        const projects = q.data.projects.filter((x) => x.phaseId === p.id);
        const budget = q.data.budget.filter((x) => x.phaseId === p.id);
        return (
          <article key={p.id} data-testid="phase" data-phase={p.id}>
            <h2>
              {p.name} <small className="source">{p.factStatus}</small>
            </h2>
            <p>{p.legalBasis}</p>
            {p.objective && <p className="note">{p.objective}</p>}
            <h3>{t('plan.targets')}</h3>
            <table className="data">
              <tbody>
                {q.data.targets.filter((x) => x.phaseId === p.id).map((x) => (
                  <tr key={x.code}>
                    <td className="code">{x.code}</td>
                    <td>{x.name}</td>
                    <td className="nowrap">{x.value}</td>
                    <td>
                      <small className="source" title={x.source}>{x.factStatus}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {projects.length > 0 && (
              <>
                <h3>{t('plan.projects')}</h3>
                <table className="data" data-testid="projects">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.code')}</th>
                      <th scope="col">{t('plan.name')}</th>
                      <th scope="col">{t('plan.lead')}</th>
                      <th scope="col">{t('plan.verification')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {projects.map((x) => (
                      <tr key={x.code}>
                        <td className="code">{x.code}</td>
                        <td>
                          {x.name ?? <span className="muted">{t('plan.notRetrieved')}</span>}
                          {x.nameEn && <small className="muted"> — {x.nameEn}</small>}
                        </td>
                        <td>
                          {x.leadAgency ?? '—'}
                          {x.leadNote && <small className="muted"> ({x.leadNote})</small>}
                        </td>
                        <td>
                          <small className="source">{x.factStatus}</small>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <h3>{t('plan.budget')}</h3>
            <table className="data">
              <tbody>
                {budget.map((x) => (
                  <tr key={`${x.funding}-${x.capitalType}`}>
                    <td>{t(`plan.funding.${x.funding}`)}</td>
                    <td>{t(`plan.capital.${x.capitalType}`)}</td>
                    <td className="num">{formatNumberVi(x.amountBnVnd)}</td>
                    <td>
                      <small className="source" title={x.source}>{x.factStatus}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
