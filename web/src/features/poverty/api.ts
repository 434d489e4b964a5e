/** Poverty API (GET/POST /api/poverty/…) as seen by the screens; the answers' shapes are the server's contracts. */
import { queryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, query, uploadWithProgress } from '../../app/api';
import type {
  ApplicationList,
  HouseholdPageAnswer,
  ImportAnswer,
  PublishedAnswer,
  ResidentImportAnswer,
  ResidentView,
  ReviewProgressAnswer,
  ScopeCommunesAnswer,
  StandardsAnswer,
  SummaryAnswer,
  SummaryStatus,
} from '../../../../src/modules/poverty/contracts';

export const residentQuery = (communeId: string, year: number) =>
  queryOptions({
    queryKey: ['poverty', 'resident', communeId, year],
    queryFn: ({ signal }) =>
      api<ResidentView>(
        `/api/poverty/communes/${encodeURIComponent(communeId)}/resident-households${query({ year })}`,
        { signal },
      ),
  });

export const summaryQuery = (p: { year: number; level: string; boundaries: string; status: SummaryStatus }) =>
  queryOptions({
    queryKey: ['poverty', 'summary', p.year, p.level, p.boundaries, p.status],
    queryFn: ({ signal }) => api<SummaryAnswer>(`/api/poverty/summary${query(p)}`, { signal }),
  });

export const reviewsQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'reviews', year],
    queryFn: ({ signal }) => api<ReviewProgressAnswer>(`/api/poverty/reviews${query({ year })}`, { signal }),
  });

/** A commune's households, page by page (the list answers `households` and `nextCursor`). */
export function useHouseholds(communeId: string, year: number) {
  const pages = useInfiniteQuery({
    queryKey: ['poverty', 'households', communeId, year],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<HouseholdPageAnswer>(
        `/api/poverty/communes/${encodeURIComponent(communeId)}/households${query({ year, cursor: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...pages, data: pages.data?.pages.flatMap((p) => p.households) };
}

export const standardsQuery = queryOptions({
  queryKey: ['poverty', 'standards'],
  queryFn: ({ signal }) => api<StandardsAnswer>('/api/poverty/standards', { signal }),
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
  uploadWithProgress<ImportAnswer>(
    communePath(communeId, `import${query({ year, confirmEmpty: confirmEmpty ? 'true' : undefined })}`),
    file,
    onProgress,
  );

/** Uploads a file of resident households (Excel or CSV) of the communes in the caller's scope. */
export const uploadResidentFile = (year: number, file: File, onProgress: (pct: number) => void) =>
  uploadWithProgress<ResidentImportAnswer>(
    `/api/poverty/resident-households/import${query({ year })}`,
    file,
    onProgress,
  );

export const publishedQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'published', year],
    queryFn: ({ signal }) =>
      api<PublishedAnswer>(`/api/poverty/published${query({ year })}`, { signal }).then((r) => r.items),
    staleTime: 60 * 60_000,
  });

export const applicationsQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'applications', year],
    queryFn: ({ signal }) =>
      api<ApplicationList>(`/api/poverty/applications${query({ year })}`, { signal }).then((r) => r.items),
  });

export const scopeCommunesQuery = (year: number) =>
  queryOptions({
    queryKey: ['poverty', 'scope-communes', year],
    queryFn: ({ signal }) =>
      api<ScopeCommunesAnswer>(`/api/poverty/communes${query({ year })}`, { signal }).then((r) => r.communes),
  });
