/** Poverty API (GET/POST /api/poverty/…) as seen by the screens. */
import { queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ApplicationKind, ApplicationOutcome } from '../../../../src/domain/poverty/application';
import { api, query, uploadWithProgress } from '../../app/api';
import type { PovertyStandard } from '../../../../src/domain/poverty/types';
import type { Deadline, ReportLevel, ReviewStep } from '../../../../src/domain/poverty/review';
import type { ReviewCan } from '../../../../src/domain/poverty/policy';

export type { Deadline, ReportLevel, ReviewStep };

export interface SummaryRow {
  unitId: string;
  code: string;
  name: string;
  part: string;
  /** Resident households (tổng số hộ dân cư) of the communes that reported them; null: none did. */
  households: number | null;
  /** Households in the review register (surveyed). */
  registeredHouseholds: number;
  poor: number;
  nearPoor: number;
  escapedPoor: number;
  escapedNearPoor: number;
  newlyPoor: number;
  newlyNearPoor: number;
  relapsed: number;
  poorNoLabour: number;
  nearPoorNoLabour: number;
  labourUnknown: number;
  /** Percent over resident households; null when unknown. */
  poorRate: number | null;
  nearPoorRate: number | null;
  poorPct: number | null;
  nearPoorPct: number | null;
  multidimPct: number | null;
  coverage: { reporting: number; total: number };
  communesWithResults: number;
  official: boolean;
}

export type SummaryStatus = 'official' | 'all';

export interface Summary {
  status: SummaryStatus;
  rows: SummaryRow[];
  unresolved: SummaryRow[];
}

export interface ResidentFigure {
  total: number;
  urban: number | null;
  rural: number | null;
  ethnicMinority: number | null;
  source: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface ResidentView {
  communeId: string;
  communeName: string;
  year: number;
  current: ResidentFigure | null;
  history: ResidentFigure[];
  can: { edit: boolean };
}

export const residentQuery = (communeId: string, year: number) =>
  queryOptions({
    queryKey: ['poverty', 'resident', communeId, year],
    queryFn: ({ signal }) =>
      api<ResidentView>(
        `/api/poverty/communes/${encodeURIComponent(communeId)}/resident-households${query({ year })}`,
        { signal },
      ),
  });

export interface CommuneProgress {
  communeId: string;
  communeName: string;
  provinceName: string;
  steps: { step: ReviewStep; labelVi: string; doneOn: string | null }[];
  nextStep: ReviewStep | null;
  chain: { level: ReportLevel; labelVi: string; approvedOn: string | null }[];
  nextApprover: ReportLevel | null;
  locked: boolean;
  overdue: boolean;
}

export interface ImportOutcome {
  households: number;
  members: number;
  unchanged: boolean;
  communeName: string;
  classes: Record<'poor' | 'near_poor' | 'average' | 'not_poor', number>;
}

export interface HouseholdRow {
  id: number;
  code: string;
  headName: string;
  village: string | null;
  area: string;
  class: 'poor' | 'near_poor' | 'average' | 'not_poor';
  scoreA: number | null;
  scoreB: number | null;
  deprived: string[];
  occupation: 'farm' | 'forestry' | 'fishery' | 'salt' | 'other' | null;
  noLabourCapacity: boolean | null;
}

export const summaryQuery = (p: { year: number; level: string; boundaries: string; status: SummaryStatus }) =>
  queryOptions({
    queryKey: ['poverty', 'summary', p.year, p.level, p.boundaries, p.status],
    queryFn: ({ signal }) => api<Summary>(`/api/poverty/summary${query(p)}`, { signal }),
  });

export const reviewsQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'reviews', year],
    queryFn: ({ signal }) =>
      api<{ communes: CommuneProgress[]; deadlines: Deadline[] }>(`/api/poverty/reviews${query({ year })}`, { signal }),
  });

/** A commune's households, page by page (the list answers `households` and `nextCursor`). */
export function useHouseholds(communeId: string, year: number) {
  const pages = useInfiniteQuery({
    queryKey: ['poverty', 'households', communeId, year],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<{ households: HouseholdRow[]; nextCursor: string | null }>(
        `/api/poverty/communes/${encodeURIComponent(communeId)}/households${query({ year, cursor: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...pages, data: pages.data?.pages.flatMap((p) => p.households) };
}

export const standardsQuery = queryOptions({
  queryKey: ['poverty', 'standards'],
  queryFn: ({ signal }) =>
    api<{ standards: PovertyStandard[]; knownGaps: string[] }>('/api/poverty/standards', { signal }),
  staleTime: 60 * 60_000,
});

export const communePath = (communeId: string, rest: string) =>
  `/api/poverty/communes/${encodeURIComponent(communeId)}/${rest}`;

/**
 * Uploads a commune's review workbook. `confirmEmpty`: the user confirmed that the commune has no household to
 * list, so a workbook without households (refused with EMPTY_WORKBOOK otherwise) replaces its results.
 */
export const uploadWorkbook = (
  communeId: string,
  year: number,
  file: File,
  onProgress: (pct: number) => void,
  confirmEmpty = false,
) =>
  uploadWithProgress<ImportOutcome>(
    communePath(communeId, `import${query({ year, confirmEmpty: confirmEmpty ? 'true' : undefined })}`),
    file,
    onProgress,
  );

/** Uploads a file of resident households (Excel or CSV) of the communes in the caller's scope. */
export const uploadResidentFile = (year: number, file: File, onProgress: (pct: number) => void) =>
  uploadWithProgress<{ year: number; communes: number }>(
    `/api/poverty/resident-households/import${query({ year })}`,
    file,
    onProgress,
  );

export interface PublishedRow {
  year: number | null;
  yearText: string;
  scope: string;
  areaCode: string;
  areaName: string;
  indicator: 'poor' | 'near_poor' | 'multidim' | 'total_households';
  ratePct: number | null;
  households: number | null;
  decision: string | null;
  sourceUrl: string | null;
}

export const publishedQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'published', year],
    queryFn: ({ signal }) =>
      api<{ items: PublishedRow[] }>(`/api/poverty/published${query({ year })}`, { signal }).then((r) => r.items),
    staleTime: 60 * 60_000,
  });

export interface ApplicationRow {
  id: number;
  kind: ApplicationKind;
  communeId: string;
  communeName: string;
  /** personal data: null for a caller who does not cover the commune */
  applicantName: string | null;
  householdCode: string | null;
  reason: string | null;
  receivedOn: string;
  startedOn: string;
  dueOn: string;
  decidedOn: string | null;
  outcome: ApplicationOutcome | null;
  /** the form's personal fields (Mẫu số 04): null when not written, or for a caller who does not cover the commune */
  applicantSex: 'male' | 'female' | null;
  applicantBirthDate: string | null;
  applicantEthnicity: string | null;
  applicantIdNumber: string | null;
  applicantIdIssuedOn: string | null;
  applicantIdIssuer: string | null;
  applicantResidence: string | null;
  status: 'in_time' | 'overdue' | 'decided_in_time' | 'decided_late';
}

export const applicationsQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'applications', year],
    queryFn: ({ signal }) =>
      api<{ items: ApplicationRow[] }>(`/api/poverty/applications${query({ year })}`, { signal }).then((r) => r.items),
  });

/** A commune of the user's scope (GET /api/poverty/communes): where the officer's work starts. */
export interface ScopeCommune {
  id: string;
  code: string;
  name: string;
  /** The name, with the province when the name repeats in the list. */
  label: string;
  provinceId: string;
  provinceName: string;
  residentHouseholds: number | null;
  lastImport: { at: string; households: number | null } | null;
  nextStep: ReviewStep | null;
  nextStepVi: string | null;
  /** The level whose approval comes next (null: approved at every level), and the last that approved. */
  nextApprover: ReportLevel | null;
  lastApproved: ReportLevel | null;
  locked: boolean;
  overdue: boolean;
  /** What the caller may do on this commune's review (decided by the server). */
  can: ReviewCan;
  statusVi: string;
}

export const scopeCommunesQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'scope-communes', year],
    queryFn: ({ signal }) =>
      api<{ year: number; communes: ScopeCommune[] }>(`/api/poverty/communes${query({ year })}`, { signal }).then(
        (r) => r.communes,
      ),
  });
