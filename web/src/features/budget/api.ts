/** Queries and calls of the budget screens; shapes come from the server's contracts. */
import { queryOptions } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type {
  ComparisonLine,
  Permissions,
  ProvinceExecution,
  RunLine,
  RunSummary,
} from '../../../../src/modules/budget/contracts';
import type { Rulebook } from '../../../../src/domain/budget/rulebook';

export type { ComparisonLine, Permissions, ProvinceExecution, RunLine, RunSummary };

export interface RulebookRow {
  id: number;
  name: string;
  version: number;
  project: string | null;
  legalBasis: string;
  body: Rulebook;
  createdAt: string;
}
export interface CriteriaSetRow {
  id: number;
  name: string;
  asOf: string;
  source: string;
  provinces: number;
}

export const rulebooksQuery = () =>
  queryOptions({
    queryKey: ['budget', 'rulebooks'],
    queryFn: () => api<{ items: RulebookRow[]; can: Permissions }>('/api/budget/rulebooks'),
  });
export const criteriaSetsQuery = () =>
  queryOptions({
    queryKey: ['budget', 'criteria'],
    queryFn: () => api<{ items: CriteriaSetRow[] }>('/api/budget/criteria-sets'),
  });
export const runsQuery = () =>
  queryOptions({
    queryKey: ['budget', 'runs'],
    queryFn: () => api<{ items: RunSummary[]; can: Permissions }>('/api/budget/runs'),
  });
export const runQuery = (id: number | null) =>
  queryOptions({
    queryKey: ['budget', 'run', id],
    enabled: id !== null,
    queryFn: () => api<{ run: RunSummary & { rulebook: Rulebook }; lines: RunLine[] }>(`/api/budget/runs/${id}`),
  });
export const compareQuery = (base: number | null, other: number | null) =>
  queryOptions({
    queryKey: ['budget', 'compare', base, other],
    enabled: base !== null && other !== null,
    queryFn: () => api<{ items: ComparisonLine[] }>(`/api/budget/runs/${base}/compare/${other}`),
  });

export type ExecutionLine = ProvinceExecution['lines'][number];
export interface ExecutionDashboard {
  year: number;
  asOf: string;
  items: ProvinceExecution[];
  trend: number[];
  total: { assigned: number; disbursed: number; rate: number | null };
  alerts: {
    lineId: number;
    provinceName: string;
    project: string;
    subProject: string;
    source: string;
    rate: number | null;
  }[];
  can: Permissions;
}
export const executionQuery = (year: number, boundaries: string) =>
  queryOptions({
    queryKey: ['budget', 'execution', year, boundaries],
    queryFn: () => api<ExecutionDashboard>(`/api/budget/execution${query({ year, boundaries })}`),
  });

/** đồng → million VND, the unit of the decisions */
export const toMillion = (dong: number) => dong / 1_000_000;
