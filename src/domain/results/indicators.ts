/**
 * Data elements and indicators of the program's results. Values of data elements come from the
 * household register (through the poverty area's summary), from the poor-area lists, or from
 * periodic reports; indicators are formulas over them (see formula.ts).
 */
import type { Formula } from './formula';
import { SOURCES, type LegalStatus } from './sources';

export type ElementOrigin = 'register' | 'poor_areas' | 'report';

export interface DataElement {
  code: string;
  nameVi: string;
  nameEn: string;
  origin: ElementOrigin;
}

export const DATA_ELEMENTS: DataElement[] = [
  { code: 'households', nameVi: 'Số hộ dân cư', nameEn: 'Resident households', origin: 'register' },
  { code: 'poor', nameVi: 'Số hộ nghèo', nameEn: 'Poor households', origin: 'register' },
  { code: 'near_poor', nameVi: 'Số hộ cận nghèo', nameEn: 'Near-poor households', origin: 'register' },
  {
    code: 'households_minority',
    nameVi: 'Số hộ dân tộc thiểu số',
    nameEn: 'Ethnic-minority households',
    origin: 'register',
  },
  {
    code: 'poor_minority',
    nameVi: 'Số hộ nghèo dân tộc thiểu số',
    nameEn: 'Ethnic-minority poor households',
    origin: 'register',
  },
  {
    code: 'poor_districts_total',
    nameVi: 'Số huyện nghèo (Quyết định 353/QĐ-TTg)',
    nameEn: 'Poor districts (Decision 353)',
    origin: 'poor_areas',
  },
  {
    code: 'poor_districts_exited',
    nameVi: 'Số huyện nghèo đã thoát nghèo',
    nameEn: 'Poor districts exited',
    origin: 'poor_areas',
  },
  {
    code: 'dbkk_communes_total',
    nameVi: 'Số xã ĐBKK vùng bãi ngang, ven biển và hải đảo',
    nameEn: 'ĐBKK coastal/island communes',
    origin: 'poor_areas',
  },
  {
    code: 'dbkk_communes_exited',
    nameVi: 'Số xã ĐBKK bãi ngang đã thoát khỏi tình trạng ĐBKK',
    nameEn: 'ĐBKK communes exited',
    origin: 'poor_areas',
  },
];

export interface Indicator extends Formula {
  nameVi: string;
  nameEn: string;
  /** '%' or 'hộ', 'huyện', 'xã' … */
  unit: string;
  /** Where values come from, in words (the CLI's `source`). */
  sourceVi: string;
  /** Rate of the poverty summary that gives this indicator from the register, when it does. */
  registerRate?: { field: 'poorPct' | 'nearPoorPct' | 'multidimPct'; part: 'all' | 'minority' };
  /** Indicator code in the published results (poverty_published.indicator), when published. */
  published?: string;
  status: LegalStatus;
}

/** Indicators computed from the poor-area lists of Decision 353/QĐ-TTg: national only (no province target). */
export const POOR_AREA_GROUP: Record<string, string> = {
  poor_districts_exited_share: 'POOR_DISTRICTS_2021_2025',
  dbkk_communes_exited_share: 'DBKK_COASTAL_2021_2025',
};

const REGISTER = 'Sổ hộ (kết quả rà soát); 2022-2024: kết quả công bố chính thức của Bộ LĐ-TB&XH';

export const INDICATORS: Indicator[] = [
  {
    code: 'poor_rate',
    nameVi: 'Tỷ lệ hộ nghèo đa chiều',
    nameEn: 'Multidimensional poor-household rate',
    unit: '%',
    numerator: 'poor',
    denominator: 'households',
    factor: 100,
    sourceVi: REGISTER,
    registerRate: { field: 'poorPct', part: 'all' },
    published: 'poor',
    status: 'verified_secondary',
  },
  {
    code: 'near_poor_rate',
    nameVi: 'Tỷ lệ hộ cận nghèo',
    nameEn: 'Near-poor household rate',
    unit: '%',
    numerator: 'near_poor',
    denominator: 'households',
    factor: 100,
    sourceVi: REGISTER,
    registerRate: { field: 'nearPoorPct', part: 'all' },
    published: 'near_poor',
    status: 'verified_secondary',
  },
  {
    code: 'multidim_rate',
    nameVi: 'Tỷ lệ hộ nghèo và hộ cận nghèo',
    nameEn: 'Poor and near-poor household rate',
    unit: '%',
    numerator: 'poor + near_poor',
    denominator: 'households',
    factor: 100,
    sourceVi: REGISTER,
    registerRate: { field: 'multidimPct', part: 'all' },
    published: 'multidim',
    status: 'verified_secondary',
  },
  {
    code: 'poor_near_poor_households',
    nameVi: 'Số hộ nghèo và hộ cận nghèo',
    nameEn: 'Poor and near-poor households',
    unit: 'hộ',
    numerator: 'poor + near_poor',
    denominator: null,
    factor: 1,
    sourceVi: REGISTER,
    published: 'multidim_households',
    status: 'verified_secondary',
  },
  {
    code: 'poor_rate_ethnic_minority',
    nameVi: 'Tỷ lệ hộ nghèo dân tộc thiểu số',
    nameEn: 'Ethnic-minority poor-household rate',
    unit: '%',
    numerator: 'poor_minority',
    denominator: 'households_minority',
    factor: 100,
    sourceVi: 'Sổ hộ (hộ có chủ hộ là người dân tộc thiểu số); 2021-2022: số liệu báo cáo của Chính phủ',
    registerRate: { field: 'poorPct', part: 'minority' },
    published: 'poor_ethnic_minority',
    status: 'verified_secondary',
  },
  {
    code: 'poor_rate_poor_districts',
    nameVi: 'Tỷ lệ hộ nghèo tại các huyện nghèo',
    nameEn: 'Poor-household rate in poor districts',
    unit: '%',
    numerator: 'poor',
    denominator: 'households',
    factor: 100,
    sourceVi: 'Số liệu báo cáo của Chính phủ (2022); sổ hộ của các xã thuộc huyện nghèo',
    published: 'poor_poor_districts',
    status: 'verified_secondary',
  },
  {
    code: 'poor_districts_exited_share',
    nameVi: 'Tỷ lệ huyện nghèo thoát khỏi tình trạng nghèo',
    nameEn: 'Share of poor districts that exited poverty',
    unit: '%',
    numerator: 'poor_districts_exited',
    denominator: 'poor_districts_total',
    factor: 100,
    sourceVi: `${SOURCES.QD353} (74 huyện); các quyết định công nhận thoát nghèo đã ghi nhận`,
    status: 'partial',
  },
  {
    code: 'dbkk_communes_exited_share',
    nameVi: 'Tỷ lệ xã ĐBKK bãi ngang, ven biển và hải đảo thoát khỏi tình trạng ĐBKK',
    nameEn: 'Share of ĐBKK coastal/island communes that exited',
    unit: '%',
    numerator: 'dbkk_communes_exited',
    denominator: 'dbkk_communes_total',
    factor: 100,
    sourceVi: `${SOURCES.QD353} (54 xã); ${SOURCES.QD576} và báo cáo kết quả 2025`,
    status: 'partial',
  },
];

export const ELEMENT_CODES: ReadonlySet<string> = new Set(DATA_ELEMENTS.map((e) => e.code));

export function indicatorByCode(code: string): Indicator | undefined {
  return INDICATORS.find((i) => i.code === code);
}
