/**
 * What the map colours: one value per province on a date. To add an indicator (e.g. the poverty
 * rate), add ONE entry to MAP_INDICATORS; the map page shows a selector when more than one is
 * available to the user, and the choice goes in the address (?chiso=<id>).
 *
 *   {
 *     id: 'poor-rate', label: { vi: 'Tỷ lệ hộ nghèo (%)', en: 'Poverty rate (%)' },
 *     roles: ['admin', 'program_owner', ...],        // omitted = also the public
 *     additive: false,                                // rates are not summed in the table footer
 *     format: (v) => formatNumberVi(v, 2),
 *     load: async (at, signal) => ({ values: new Map(...), notes?: new Map(...) }), // by province code, provinces on
 * `at`
 *     source: { vi: '…', en: '…' },
 *   }
 */
import { api, query } from '../../app/api';
import { formatNumberVi } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { Role } from '../../app/session';
import { REFORM_DATE, type Unit } from '../units/api';
import type { SummaryAnswer } from '../../../../src/modules/poverty/contracts';
import { NO_RESIDENT_HOUSEHOLDS_VI } from '../../../../src/domain/poverty/resident';
import { communesPerProvince } from './counts';

export interface MapFigures {
  values: Map<string, number>;
  /** Province code → what the value rests on or why it is missing (shown next to the value). */
  notes?: Map<string, string>;
}

export interface MapIndicator {
  id: string;
  label: { vi: string; en: string };
  /** Who may choose it (omitted: everyone, the public included). */
  roles?: readonly Role[];
  /** Values can be summed over provinces (a total row is shown). */
  additive: boolean;
  format: (v: number) => string;
  /** Province code → value, for the provinces in force on `at` (missing = no data), and optional notes per province. */
  load: (at: string, signal: AbortSignal) => Promise<MapFigures>;
  source?: { vi: string; en: string };
}

const units = (level: Unit['level'], at: string, signal: AbortSignal) =>
  api<{ items: Unit[] }>(`/api/units${query({ level, at })}`, { signal }).then((r) => r.items);

const communes: MapIndicator = {
  id: 'communes',
  label: { vi: 'Số xã, phường, đặc khu', en: 'Communes, wards, special zones' },
  additive: true,
  format: (v) => formatNumberVi(v),
  async load(at, signal) {
    const [provinces, list] = await Promise.all([units('province', at, signal), units('commune', at, signal)]);
    const needDistricts = at < REFORM_DATE && list.some((c) => !c.provinceId);
    return { values: communesPerProvince(provinces, needDistricts ? await units('district', at, signal) : [], list) };
  },
  source: {
    vi: 'Danh mục đơn vị hành chính (GSO/NSO, qua thanglequoc/vietnamese-provinces-database, MIT).',
    en: 'Administrative unit code list (GSO/NSO, via thanglequoc/vietnamese-provinces-database, MIT).',
  },
};

/**
 * The review year whose official results are in force on `at`: provinces report them by 20 December
 * (QĐ 24/2021/QĐ-TTg, Art. 7), so a date before 20/12/Y shows the results of year Y − 1.
 */
export function reviewYearOn(at: string): number {
  const y = Number(at.slice(0, 4));
  return at.slice(5) >= '12-20' ? y : y - 1;
}

const poorRate: MapIndicator = {
  id: 'poor-rate',
  label: { vi: 'Tỷ lệ hộ nghèo (%, trên tổng số hộ dân cư)', en: 'Poverty rate (%, of resident households)' },
  roles: ['admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer', 'commune_officer'],
  additive: false,
  format: (v) => formatNumberVi(v, 2),
  async load(at, signal) {
    const year = reviewYearOn(at);
    // before the reform the map shows the 63 old provinces: keep the review's own boundaries
    const boundaries = at < REFORM_DATE ? 'review' : 'current';
    // Official figures: results recognised by the commune chairs (QĐ 24/2021/QĐ-TTg, Art. 4.4).
    const s = await api<SummaryAnswer>(
      `/api/poverty/summary${query({ year, level: 'province', boundaries, status: 'official' })}`,
      { signal },
    );
    const values = new Map(s.rows.filter((r) => r.poorRate !== null).map((r) => [r.code, r.poorRate as number]));
    const en = currentLanguage() === 'en';
    const n = formatNumberVi;
    const notes = new Map(
      s.rows.map((r) => [
        r.code,
        r.poorRate === null
          ? en
            ? `no resident households reported (${n(r.communesWithResults)} communes with results)`
            : `${NO_RESIDENT_HOUSEHOLDS_VI} (${n(r.communesWithResults)} xã có kết quả)`
          : en
            ? `${n(r.coverage.reporting)}/${n(r.coverage.total)} communes reporting`
            : `${n(r.coverage.reporting)}/${n(r.coverage.total)} xã đã báo cáo`,
      ]),
    );
    return { values, notes };
  },
  source: {
    vi: 'Kết quả rà soát đã công nhận (tỷ lệ = số hộ nghèo / tổng số hộ dân cư do các xã báo cáo, chỉ trên các xã đã báo cáo); tỉnh chưa có số hộ dân cư để trống.',
    en: 'Recognised review results (rate = poor households / resident households reported by the communes, over the reporting communes only); provinces without resident households are blank.',
  },
};

export const MAP_INDICATORS: MapIndicator[] = [communes, poorRate];
