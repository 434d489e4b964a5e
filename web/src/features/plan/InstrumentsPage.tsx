/** Register of legal instruments, with the plan tasks each one fulfils. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { DataTable, QueryList } from '../../app/components/lists';
import { formatDateVi } from '../../app/format';
import { verificationLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import type { InstrumentList } from '../../../../src/modules/plan/contracts';
import './texts';

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['plan', 'instruments'],
    queryFn: ({ signal }) => api<InstrumentList>('/api/plan/instruments', { signal }).then((r) => r.items),
  });
  return (
    <section>
      <h1>{t('plan.instrumentsTitle')}</h1>
      <p className="lead">{t('plan.instrumentsIntro')}</p>
      <QueryList query={q}>
        {(items) => (
          <DataTable
            testId="instruments"
            columns={[
              t('plan.kind'),
              t('plan.number'),
              t('plan.titleCol'),
              t('plan.issuer'),
              t('plan.issuedOn'),
              t('plan.effectiveOn'),
              t('plan.tasks'),
              t('plan.verification'),
            ]}
          >
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.kind}</td>
                <td className="nowrap">{i.number ?? '—'}</td>
                <td>
                  {i.title}
                  {i.note && <small className="muted"> — {i.note}</small>}
                  {i.amends && (
                    <small className="muted">
                      {' '}
                      — {t('plan.amends')} {i.amends}
                    </small>
                  )}
                  {i.replaces && (
                    <small className="muted">
                      {' '}
                      — {t('plan.replaces')} {i.replaces}
                    </small>
                  )}
                </td>
                <td>{i.issuer ?? '—'}</td>
                <td className="nowrap">{i.issuedOn ? formatDateVi(i.issuedOn) : '—'}</td>
                <td className="nowrap">{i.effectiveOn ? formatDateVi(i.effectiveOn) : '—'}</td>
                <td>{(i.tasks ?? []).map((x) => x.position).join(', ')}</td>
                <td>
                  <small className="source">{verificationLabel(i.factStatus, currentLanguage())}</small>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryList>
    </section>
  );
}
