import { planDataset } from '../modules/plan/load';
import { agenciesDataset } from '../modules/agencies/load';
import { unitsDataset } from '../modules/units/load';
import { povertyPublishedDataset, povertyStandardsDataset } from '../modules/poverty/load';
import type { ReferenceDataset } from '../db/reference-data';
import { budgetDataset } from '../modules/budget/load';
import { resultsDataset } from '../modules/results/load';

/** Reference datasets loaded on first start, in this order. Add yours here (one line). */
export const DATASETS: ReferenceDataset[] = [
  unitsDataset,
  agenciesDataset, // after the units: People's Committees reference province versions
  povertyStandardsDataset,
  povertyPublishedDataset,
  planDataset,
  budgetDataset,
  resultsDataset, // after the units and the published poverty results
];
