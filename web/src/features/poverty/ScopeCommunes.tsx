import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, formatNumberVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { communeStatusLabel, reviewStepLabel } from '../../../../src/domain/labels';
import type { ScopeCommune } from '../../../../src/modules/poverty/contracts';

/**
 * The communes of the province officer's scope: every one, with its review status, resident households, last import and
 * next step.
 */
export default function ScopeCommunes({ communes, year }: { communes: ScopeCommune[]; year: number }) {
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
                  {communeStatusLabel(
                    {
                      hasImport: c.lastImport !== null,
                      nextStep: c.nextStep,
                      nextApprover: c.nextApprover,
                      locked: c.locked,
                      lastApproved: c.lastApproved,
                    },
                    currentLanguage(),
                  )}
                  {c.overdue ? ` — ${t('poverty.overdue')}` : ''}
                </td>
                <td className="num">
                  {c.residentHouseholds === null ? t('poverty.noResident') : formatNumberVi(c.residentHouseholds)}
                </td>
                <td>
                  {c.lastImport
                    ? t('poverty.lastImportValue', {
                        on: formatDateTimeVi(c.lastImport.at),
                        n: formatNumberVi(c.lastImport.households ?? 0),
                      })
                    : t('poverty.notImported')}
                </td>
                <td>{c.nextStep ? reviewStepLabel(c.nextStep, currentLanguage()) : t('poverty.done')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
