/**
 * The national poverty standards: the data file reference/poverty/standards.json (every value with its
 * legal citation, its verification status and its source ids), checked by catalogFromData. Code never
 * hard-codes these numbers: the engine reads them from a standard version of a catalog. Values the
 * sources do not have are absent (null), never guessed. The server classifies with the catalog it loaded
 * into the database from this file (and any standard added as data there); this module is the same data
 * for pure uses (tests, the classify CLI, the screens).
 */
import data from '../../../reference/poverty/standards.json';
import { catalogFromData } from './catalog';
import type { PovertyStandard, StandardApplication, StandardCatalog } from './types';

const NATIONAL = catalogFromData(data);

export const NATIONAL_CATALOG: StandardCatalog = {
  standards: NATIONAL.standards,
  applications: NATIONAL.applications,
  itemTables: NATIONAL.itemTables,
};

export function findStandard(catalog: StandardCatalog, id: string): PovertyStandard | undefined {
  return catalog.standards.find((s) => s.id === id);
}

/** Decree 07/2021 (2022-2025), with Circular 07/2021 scores and the Decree 30/2025 overlay. */
export const STANDARD_ND07_2021: PovertyStandard = findStandard(NATIONAL_CATALOG, 'ND07-2021')!;

/**
 * Not configured (no standard for these years, tables not retrieved): 2021 used QĐ 59/2015/QĐ-TTg
 * (700,000 / 900,000 VND) but its classification rules are not known; the B1 item table of Circular 07
 * (Annex III) and the 2027-2030 score forms and average band were not retrieved.
 */
export const KNOWN_GAPS_VI: string[] = NATIONAL.knownGapsVi;

/** The application in force for a review year. */
export function applicationForYear(catalog: StandardCatalog, year: number): StandardApplication | undefined {
  return catalog.applications.find((a) => year >= a.fromYear && year <= a.toYear);
}

/** The application in force on a date (YYYY-MM-DD). */
export function applicationForDate(catalog: StandardCatalog, date: string): StandardApplication | undefined {
  return catalog.applications.find((a) => date >= a.from && date <= a.to);
}
