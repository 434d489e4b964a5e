/** The poverty standards in force, with their citations and status. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumberVi } from '../../app/format';
import { standardsQuery } from './api';

export default function Standards() {
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
                {t('poverty.incomeLines', {
                  rural: formatNumberVi(x.incomeLine.rural.value),
                  urban: formatNumberVi(x.incomeLine.urban.value),
                })}
              </td>
              <td>
                {x.status}
                {x.scoreRules === null ? ` — ${t('poverty.noScoreRules')}` : ''}
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
