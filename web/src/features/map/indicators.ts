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
 *     load: async (at, signal) => new Map(...),       // province code → value, for the provinces on `at`
 *     source: { vi: '…', en: '…' },
 *   }
 */
import { api, query } from '../../app/api';
import { formatNumberVi } from '../../app/format';
import type { Role } from '../../app/session';
import { REFORM_DATE, type Unit } from '../units/api';
import { communesPerProvince } from './counts';

export interface MapIndicator {
  id: string;
  label: { vi: string; en: string };
  /** Who may choose it (omitted: everyone, the public included). */
  roles?: readonly Role[];
  /** Values can be summed over provinces (a total row is shown). */
  additive: boolean;
  format: (v: number) => string;
  /** Province code → value, for the provinces in force on `at` (missing = no data). */
  load: (at: string, signal: AbortSignal) => Promise<Map<string, number>>;
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
    return communesPerProvince(provinces, needDistricts ? await units('district', at, signal) : [], list);
  },
  source: { vi: 'Danh mục đơn vị hành chính (GSO/NSO, qua thanglequoc/vietnamese-provinces-database, MIT).', en: 'Administrative unit code list (GSO/NSO, via thanglequoc/vietnamese-provinces-database, MIT).' },
};

export const MAP_INDICATORS: MapIndicator[] = [communes];
