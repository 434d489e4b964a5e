/**
 * What the map colours: one value per province on a date. To add an indicator (e.g. the poverty
 * rate), add ONE entry to MAP_INDICATORS; the map page shows a selector when more than one is
 * available to the user, and the choice goes in the address (?chiso=<id>).
 *
 *   {
 *     id: 'poor-rate', label: both((x) => x.poorRate.label),   // texts under mapIndicators in app-texts.ts
 *     can: (c) => c.poverty.read,                     // the user's permissions; omitted = also the public
 *     additive: false,                                // rates are not summed in the table footer
 *     format: (v) => formatNumberVi(v, 2),
 *     load: async (at, signal) => ({ values: new Map(...), notes?: new Map(...) }), // by province code, provinces on
 * `at`
 *     source: both((x) => x.poorRate.source),
 *   }
 */
import { api, query } from '../../app/api';
import { formatNumberVi } from '../../app/format';
import { texts } from '../../app/app-texts';
import i18n from '../../app/i18n';
import type { PageRule } from '../../app/session';
import { REFORM_DATE, type Unit } from '../units/api';
import type { SummaryAnswer } from '../../../../src/modules/poverty/contracts';
import { communesPerProvince } from './counts';

export interface MapFigures {
  values: Map<string, number>;
  /** Province code → what the value rests on or why it is missing (shown next to the value). */
  notes?: Map<string, string>;
}

export interface MapIndicator {
  id: string;
  label: { vi: string; en: string };
  /** Who may choose it, from the permissions of GET /api/auth/me (omitted: everyone, the public included). */
  can?: PageRule;
  /** Values can be summed over provinces (a total row is shown). */
  additive: boolean;
  format: (v: number) => string;
  /** Province code → value, for the provinces in force on `at` (missing = no data), and optional notes per province. */
  load: (at: string, signal: AbortSignal) => Promise<MapFigures>;
  source?: { vi: string; en: string };
}

type IndicatorTexts = (typeof texts.en)['mapIndicators'];
/** A text of the indicators in both languages, as the map page picks it by language. */
const both = (pick: (x: IndicatorTexts) => string) => ({
  vi: pick(texts.vi.mapIndicators),
  en: pick(texts.en.mapIndicators),
});

const units = (level: Unit['level'], at: string, signal: AbortSignal) =>
  api<{ items: Unit[] }>(`/api/units${query({ level, at })}`, { signal }).then((r) => r.items);

const communes: MapIndicator = {
  id: 'communes',
  label: both((x) => x.communes.label),
  additive: true,
  format: (v) => formatNumberVi(v),
  async load(at, signal) {
    const [provinces, list] = await Promise.all([units('province', at, signal), units('commune', at, signal)]);
    const needDistricts = at < REFORM_DATE && list.some((c) => !c.provinceId);
    return { values: communesPerProvince(provinces, needDistricts ? await units('district', at, signal) : [], list) };
  },
  source: both((x) => x.communes.source),
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
  label: both((x) => x.poorRate.label),
  can: (c) => c.poverty.read,
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
    const n = formatNumberVi;
    const notes = new Map(
      s.rows.map((r) => [
        r.code,
        r.poorRate === null
          ? i18n.t('mapIndicators.poorRate.noResident', { n: n(r.communesWithResults) })
          : i18n.t('mapIndicators.poorRate.coverage', {
              reporting: n(r.coverage.reporting),
              total: n(r.coverage.total),
            }),
      ]),
    );
    return { values, notes };
  },
  source: both((x) => x.poorRate.source),
};

export const MAP_INDICATORS: MapIndicator[] = [communes, poorRate];
