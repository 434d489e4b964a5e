/** What the units API answers: the types the web and the CLI may rely on. */
export type { LineageRow, RegionRow, UnitRow } from './repo';
export type { Succession } from './service';
