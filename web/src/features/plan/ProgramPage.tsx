/**
 * The Program: phases with targets, projects and budget, each fact with its verification status (a label,
 * never the code). Projects are named in the language of the interface: the English name only in English.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { programProjectLabel, verificationLabel } from '../../../../src/domain/labels';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { ProgramOverview as Program } from '../../../../src/modules/plan/contracts';
import './texts';

/** The verification status of a fact, with its source as the tooltip. */
function Status({ code, source }: { code: string; source?: string | null }) {
  return (
    <small className="source" title={source ?? undefined} data-testid="fact-status">
      {verificationLabel(code, currentLanguage())}
    </small>
  );
}

export default function ProgramPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const q = useQuery({
    queryKey: ['plan', 'program'],
    queryFn: ({ signal }) => api<Program>('/api/plan/program', { signal }),
  });
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
              {p.name} <Status code={p.factStatus} source={p.source} />
            </h2>
            <p>{p.legalBasis}</p>
            {p.objective && <p className="note">{p.objective}</p>}
            <h3>{t('plan.targets')}</h3>
            <table className="data">
              <tbody>
                {q.data.targets
                  .filter((x) => x.phaseId === p.id)
                  .map((x, i) => (
                    <tr key={x.code}>
                      <td className="code">{i + 1}</td>
                      <td>{x.name}</td>
                      <td className="nowrap">{x.value}</td>
                      <td>
                        <Status code={x.factStatus} source={x.source} />
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
                      <th scope="col">{t('plan.projectCol')}</th>
                      <th scope="col">{t('plan.name')}</th>
                      <th scope="col">{t('plan.lead')}</th>
                      <th scope="col">{t('plan.verification')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {projects.map((x) => {
                      // the name in the interface's language; the other one only when it is missing
                      const name = lang === 'en' ? (x.nameEn ?? x.name) : x.name;
                      return (
                        <tr key={x.code} data-code={x.code}>
                          <td className="nowrap">{programProjectLabel(x.code, lang) ?? '—'}</td>
                          <td>{name ?? <span className="muted">{t('plan.notRetrieved')}</span>}</td>
                          <td>
                            {x.leadAgency ?? '—'}
                            {x.leadNote && <small className="muted"> ({x.leadNote})</small>}
                          </td>
                          <td>
                            <Status code={x.factStatus} />
                          </td>
                        </tr>
                      );
                    })}
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
                      <Status code={x.factStatus} source={x.source} />
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
