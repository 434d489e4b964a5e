/**
 * The sources the code cites, as listed in reference/legal/*.csv, and the one vocabulary of their
 * verification status (the domain notes' VERIFIED / VERIFIED (secondary) / PARTIAL / UNVERIFIED).
 */
export const SOURCE_STATUSES = ['verified', 'verified_secondary', 'partial', 'unverified'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export const SOURCE_COLUMNS = ['id', 'title', 'number', 'date', 'issuer', 'where_read', 'supports', 'status'] as const;

export interface LegalSource {
  id: string;
  title: string;
  number: string;
  date: string;
  issuer: string;
  whereRead: string;
  supports: string;
  status: SourceStatus;
  /** The file of reference/legal/ that lists it. */
  file: string;
}

/** Research-note source ids (a letter S, D or G and a number) as they stand in citations in code and data. */
export const NOTE_ID = /\b[SDG]\d{1,3}\b/g;
