/** Results API (GET/POST /api/results/…) as seen by the screens; types come from the module's contracts. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api';
import type {
  AreaGroupView,
  NationalOverview,
  PeriodItem,
  PeriodList,
  PeriodReports,
  PublicResults,
  ReportView,
  TargetItem,
  TargetView,
} from '../../../../src/modules/results/contracts';

export type { AreaGroupView, PeriodItem, PeriodReports, PublicResults, ReportView, TargetItem, TargetView };

export const publicQuery = queryOptions({
  queryKey: ['results', 'public'],
  queryFn: ({ signal }) => api<PublicResults>('/api/results/public', { signal }),
  staleTime: 5 * 60_000,
});

export const overviewQuery = queryOptions({
  queryKey: ['results', 'overview'],
  queryFn: ({ signal }) => api<NationalOverview>('/api/results/overview', { signal }),
});

export const periodsQuery = queryOptions({
  queryKey: ['results', 'periods'],
  queryFn: ({ signal }) => api<PeriodList>('/api/results/periods', { signal }),
});

export const periodReportsQuery = (periodId: number) =>
  queryOptions({
    queryKey: ['results', 'period', periodId],
    queryFn: ({ signal }) => api<PeriodReports>(`/api/results/periods/${periodId}/reports`, { signal }),
  });

export const reportQuery = (periodId: number, unitId: string) =>
  queryOptions({
    queryKey: ['results', 'report', periodId, unitId],
    queryFn: ({ signal }) =>
      api<ReportView>(`/api/results/periods/${periodId}/units/${encodeURIComponent(unitId)}`, { signal }),
  });

export const reportByIdQuery = (reportId: number) =>
  queryOptions({
    queryKey: ['results', 'report-id', reportId],
    queryFn: ({ signal }) => api<ReportView>(`/api/results/reports/${reportId}`, { signal }),
  });

/** Targets of the program and of the provinces (a province officer's home, the target entry page). */
export const targetsQuery = queryOptions({
  queryKey: ['results', 'targets'],
  queryFn: ({ signal }) => api<{ items: TargetItem[] }>('/api/results/targets', { signal }),
});

export const publicCsvUrl = '/api/results/public.csv';
