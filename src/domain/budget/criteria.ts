/**
 * The allocation criteria a rulebook may use, with their Vietnamese names and units.
 * Criterion groups follow the predecessor method (QĐ 48/2016/QĐ-TTg: population and ethnic
 * minorities; poverty rate and scale; natural area; administrative units and border communes) and
 * the unit types of the 2026-2030 coefficient table; the exact criteria of QĐ 02/2022/QĐ-TTg were
 * not retrieved, so this list is a vocabulary, not a claim about the decision.
 * A rulebook that names a code outside this list is refused (a typo would otherwise silently count 0).
 */
export interface CriterionDef {
  code: string;
  labelVi: string;
  labelEn: string;
  unitVi: string;
}

export const CRITERIA: CriterionDef[] = [
  { code: 'poor_households', labelVi: 'Số hộ nghèo', labelEn: 'Poor households', unitVi: 'hộ' },
  { code: 'near_poor_households', labelVi: 'Số hộ cận nghèo', labelEn: 'Near-poor households', unitVi: 'hộ' },
  {
    code: 'poor_ethnic_households',
    labelVi: 'Số hộ nghèo dân tộc thiểu số',
    labelEn: 'Ethnic-minority poor households',
    unitVi: 'hộ',
  },
  { code: 'poor_rate', labelVi: 'Tỷ lệ hộ nghèo', labelEn: 'Poor-household rate', unitVi: '%' },
  { code: 'poor_districts', labelVi: 'Số huyện nghèo', labelEn: 'Poor districts', unitVi: 'huyện' },
  {
    code: 'poor_district_communes',
    labelVi: 'Số xã thuộc huyện nghèo',
    labelEn: 'Communes of poor districts',
    unitVi: 'xã',
  },
  {
    code: 'ebkk_communes',
    labelVi: 'Số xã đặc biệt khó khăn',
    labelEn: 'Especially disadvantaged communes',
    unitVi: 'xã',
  },
  {
    code: 'ebkk_coastal_communes',
    labelVi: 'Số xã ĐBKK vùng bãi ngang ven biển và hải đảo',
    labelEn: 'Disadvantaged coastal and island communes',
    unitVi: 'xã',
  },
  {
    code: 'ebkk_villages',
    labelVi: 'Số thôn đặc biệt khó khăn',
    labelEn: 'Especially disadvantaged villages',
    unitVi: 'thôn',
  },
  { code: 'region3_communes', labelVi: 'Số xã khu vực III', labelEn: 'Region III communes', unitVi: 'xã' },
  { code: 'region2_communes', labelVi: 'Số xã khu vực II', labelEn: 'Region II communes', unitVi: 'xã' },
  { code: 'region1_communes', labelVi: 'Số xã khu vực I', labelEn: 'Region I communes', unitVi: 'xã' },
  { code: 'other_communes', labelVi: 'Số xã khác', labelEn: 'Other communes', unitVi: 'xã' },
  { code: 'safe_zone_communes', labelVi: 'Số xã an toàn khu (ATK)', labelEn: 'Safe-zone communes', unitVi: 'xã' },
  { code: 'border_communes', labelVi: 'Số xã biên giới', labelEn: 'Border communes', unitVi: 'xã' },
  {
    code: 'island_communes',
    labelVi: 'Số xã đảo, đặc khu',
    labelEn: 'Island communes and special zones',
    unitVi: 'xã',
  },
  { code: 'population', labelVi: 'Dân số', labelEn: 'Population', unitVi: 'người' },
  {
    code: 'ethnic_population',
    labelVi: 'Dân số người dân tộc thiểu số',
    labelEn: 'Ethnic-minority population',
    unitVi: 'người',
  },
  { code: 'ethnic_share', labelVi: 'Tỷ lệ người dân tộc thiểu số', labelEn: 'Ethnic-minority share', unitVi: '%' },
  { code: 'natural_area', labelVi: 'Diện tích tự nhiên', labelEn: 'Natural area', unitVi: 'km²' },
  {
    code: 'district_units',
    labelVi: 'Số đơn vị hành chính cấp huyện',
    labelEn: 'District-level units',
    unitVi: 'đơn vị',
  },
  { code: 'commune_units', labelVi: 'Số đơn vị hành chính cấp xã', labelEn: 'Commune-level units', unitVi: 'đơn vị' },
];

export const CRITERIA_BY_CODE: ReadonlyMap<string, CriterionDef> = new Map(CRITERIA.map((c) => [c.code, c]));
