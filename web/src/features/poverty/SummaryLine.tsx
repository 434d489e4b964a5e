/** One row of the summary table: counts, rates over resident households, coverage, official or provisional. */
import { useTranslation } from 'react-i18next';
import { formatNumberVi } from '../../app/format';
import type { SummaryRow } from '../../../../src/modules/poverty/contracts';
import { rate, partLabel } from './format';

export default function SummaryLine({ r, year }: { r: SummaryRow; year: number }) {
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
      <td className="num">{r.households === null ? t('poverty.noResident') : formatNumberVi(r.households)}</td>
      <td className="num">{formatNumberVi(r.poor)}</td>
      <td className="num">{rate(r.poorRate, t)}</td>
      <td className="num">{formatNumberVi(r.nearPoor)}</td>
      <td className="num">{rate(r.nearPoorRate, t)}</td>
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
