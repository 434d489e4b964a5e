/** Administrative units over time (đơn vị hành chính): versions, lineage, aliases, regions. */

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const LEVEL_LABELS_VI: Record<UnitLevel, string> = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

/** A version of a unit: valid on [validFrom, validTo) with one name, type and parent version. */
export interface UnitVersion {
  /** '<P|D|C>:<code>:<validFrom>' — codes are reused, so the code alone is not an identity. */
  id: string;
  code: string;
  level: UnitLevel;
  unitType: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  /** The parent version, valid over the whole interval of this version. */
  parentId: string | null;
  /** The province version this unit belongs to (itself for a province). */
  provinceId: string;
  validFrom: string;
  /** Exclusive; null while in force. */
  validTo: string | null;
  legalBasis: string | null;
  source: string;
  note: string | null;
}

/**
 * How a lineage link was established:
 * - reform_2025: the old → new mapping of the 2025 reform (dvhcvn/20250701, unofficial);
 * - same_unit:   the same unit under a new version (parent re-versioned, province renamed, spelling fix,
 *                2026 reclassification): same territory;
 * - same_code:   consecutive history records of one code whose name, type or parent changed: a rename or
 *                a merger that kept the code; the territory may have grown (derived, not from a resolution).
 */
export type LineageKind = 'reform_2025' | 'same_unit' | 'same_code';
export type Relation = 'full' | 'partial';

export interface LineageLink {
  fromId: string;
  toId: string;
  relation: Relation;
  effective: string;
  kind: LineageKind;
  legalBasis: string | null;
  qaFlag: string | null;
  /** false: must not be used for roll-ups until corrected (the SUSPECT rows). */
  resolved: boolean;
  note: string | null;
}

/** A code written by some source for a unit whose official code differs (valid on a date range). */
export interface CodeAlias {
  level: UnitLevel;
  aliasCode: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

/** Another spelling of a unit's name (searchable, not displayed). */
export interface NameAlias {
  unitId: string;
  alias: string;
  kind: 'spelling_2026';
  source: string;
}

/** 'vung6': the 6 statistical regions; 'vung8': the 8 geographic regions of the code list. */
export const REGION_SCHEMES = ['vung6', 'vung8'] as const;
export type RegionScheme = (typeof REGION_SCHEMES)[number];

export interface Region {
  id: string;
  scheme: RegionScheme;
  code: string;
  name: string;
  verified: boolean;
  source: string;
}

export interface RegionMember {
  regionId: string;
  unitId: string;
  validFrom: string;
  validTo: string | null;
  derived: boolean;
  note: string | null;
}

export interface UnitSet {
  units: UnitVersion[];
  lineage: LineageLink[];
  codeAliases: CodeAlias[];
  nameAliases: NameAlias[];
  regions: Region[];
  regionMembers: RegionMember[];
}

/** The CSV files of reference/admin, as text. */
export interface UnitSourceFiles {
  history: string;
  pre2025Provinces: string;
  pre2025Districts: string;
  pre2025Communes: string;
  post2025Provinces: string;
  post2025Communes: string;
  provinceMapping: string;
  communeMapping: string;
}
