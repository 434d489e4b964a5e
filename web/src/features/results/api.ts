/** Results API (GET/POST /api/results/…) as seen by the screens; types come from the module's contracts. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AreaGroupView, PublicResults, ReportView, TargetView } from '../../../../src/modules/results/contracts';

export type { AreaGroupView, PublicResults, ReportView, TargetView };

export interface Overview {
  year: number;
  targets: TargetView[];
  otherTargets: PublicResults['otherTargets'];
  reporting: {
    periodId: number;
    formNumber: string;
    formName: string;
    labelVi: string;
    deadline: string;
    overdue: boolean;
    expected: number;
    submitted: number;
    onTime: number;
    approved: number;
    missing: number;
    reportingRate: number | null;
  }[];
}

export interface PeriodItem {
  id: number;
  formCode: string;
  periodKey: string;
  labelVi: string;
  formNumber: string;
  formName: string;
  unitLevel: 'commune' | 'province';
  opensOn: string;
  closesOn: string;
  deadline: string;
}

export interface PeriodReports {
  period: PeriodItem;
  completeness: {
    expected: number;
    submitted: number;
    onTime: number;
    approved: number;
    reportingRate: number | null;
    reportingRateOnTime: number | null;
  };
  rows: {
    unitId: string;
    unitCode: string;
    unitName: string;
    reportId: number | null;
    state: string;
    nextLevelVi: string | null;
    submittedOn: string | null;
    timeliness: string;
    returnedReason: string | null;
  }[];
}

export const publicQuery = queryOptions({
  queryKey: ['results', 'public'],
  queryFn: ({ signal }) => api<PublicResults>('/api/results/public', { signal }),
  staleTime: 5 * 60_000,
});

export const overviewQuery = queryOptions({
  queryKey: ['results', 'overview'],
  queryFn: ({ signal }) => api<Overview>('/api/results/overview', { signal }),
});

export const periodsQuery = queryOptions({
  queryKey: ['results', 'periods'],
  queryFn: ({ signal }) => api<{ items: PeriodItem[]; can: { open: boolean } }>('/api/results/periods', { signal }),
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

export const publicCsvUrl = '/api/results/public.csv';
