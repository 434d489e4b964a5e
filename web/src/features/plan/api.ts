/** Plan API types and queries (GET /api/plan/…). */
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, httpErrorMessage, query } from '../../app/api';
import { NATIONAL_PLAN_CODE } from '../../../../src/domain/plan/national-plan';
import type { TaskStatus } from '../../../../src/domain/plan/status';

export type { TaskStatus };
export { STATUS_LABELS } from '../../../../src/domain/plan/status';

/** One row of the plan, as the server computes it. */
export type { PlanStatusRow as PlanRow } from '../../../../src/modules/plan/contracts';
import type { PlanStatusRow as PlanRow } from '../../../../src/modules/plan/contracts';

export interface Assignment {
  taskId: number;
  id: number;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  status: TaskStatus;
  statusLabel: string;
  percent: number;
  dueOn: string | null;
  completedOn: string | null;
  instrument: string | null;
  note: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
  daysLate: number | null;
  /** in force on the as-of date (not yet or no longer handed over) */
  inForce: boolean;
  overdue: boolean;
  pastDueNoReport: boolean;
  canEdit: boolean;
  moves: { to: TaskStatus; action: string; requires: 'note' | 'completedOn' | null }[];
}

export interface TaskDetail {
  task: PlanRow;
  rollup: {
    total: number;
    active: number;
    completed: number;
    overdue: number;
    noReport: number;
    pastDueNoReport: number;
    percent: number;
    status: TaskStatus;
  };
  can: { recordSubmission: boolean };
  assignments: Assignment[];
  instruments: {
    id: number;
    kind: string;
    number: string | null;
    title: string;
    issuedOn: string | null;
    factStatus: string;
  }[];
  changes: { id: number; from: TaskStatus; to: TaskStatus; note: string | null; byName: string; at: string }[];
  progress: { id: number; reportedOn: string; percent: number; narrative: string; byName: string }[];
  comments: {
    id: number;
    kind: string;
    body: string;
    byName: string;
    createdAt: string;
    fromAgency: string | null;
    toAgency: string | null;
  }[];
  evidence: { id: number; fileName: string; sizeBytes: number; sha256: string; uploadedAt: string }[];
}

/** Uploads an evidence file (multipart); errors come back as ApiError like every other call. */
export async function uploadEvidence(
  taskId: number,
  assignmentId: number,
  file: File,
): Promise<{ id: number; sha256: string }> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/plan/tasks/${taskId}/assignments/${assignmentId}/evidence`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(
      res.status,
      e?.code ?? `http_${res.status}`,
      e?.message ?? httpErrorMessage(res.status),
      e?.details ?? null,
    );
  }
  return data;
}

/** The tasks at a date: every plan's, or one plan's (`planId`). */
export const planQuery = (asOf: string, overdue = false, planId?: number) =>
  queryOptions({
    queryKey: ['plan', 'tasks', asOf, overdue, planId ?? null],
    queryFn: ({ signal }) =>
      api<{ items: PlanRow[] }>(
        `/api/plan/tasks${query({ asOf, overdue: overdue ? 'true' : undefined, plan: planId })}`,
        { signal },
      ).then((r) => r.items),
  });

export const taskQuery = (id: number, asOf: string) =>
  queryOptions({
    queryKey: ['plan', 'task', id, asOf],
    queryFn: ({ signal }) => api<TaskDetail>(`/api/plan/tasks/${id}${query({ asOf })}`, { signal }),
  });

export const myAgencyQuery = (asOf: string) =>
  queryOptions({
    queryKey: ['plan', 'my', asOf],
    queryFn: ({ signal }) =>
      api<{ agencies: { id: string; name: string }[]; lead: PlanRow[]; coordinate: PlanRow[]; late: PlanRow[] }>(
        `/api/plan/my-agency${query({ asOf })}`,
        { signal },
      ),
  });

export const notificationsQuery = queryOptions({
  queryKey: ['notifications'],
  queryFn: ({ signal }) =>
    api<{
      items: { id: number; kind: string; title: string; body: string; createdAt: string; readAt: string | null }[];
    }>('/api/notifications', { signal }).then((r) => r.items),
});

export const exportUrl = (asOf: string, overdue = false, planId?: number) =>
  `/api/plan/export.xlsx${query({ asOf, overdue: overdue ? 'true' : undefined, plan: planId })}`;

export interface AgencyOption {
  id: string;
  name: string;
  kind: string;
}

/** Agencies in force on a date (ministries, central agencies, provincial committees …), in the server's order. */
export const agenciesQuery = (at: string) =>
  queryOptions({
    queryKey: ['agencies', at],
    queryFn: ({ signal }) =>
      api<{ items: AgencyOption[] }>(`/api/agencies${query({ at })}`, { signal }).then((r) => r.items),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(at),
  });

export interface PlanSummary {
  id: number;
  code: string;
  title: string;
  issuedOn: string | null;
  issuerAgencyId: string | null;
  issuer: string | null;
  tasks: number;
  /** the caller manages this plan's tasks (decided by the server) */
  canManage: boolean;
}

export const plansQuery = queryOptions({
  queryKey: ['plan', 'plans'],
  queryFn: ({ signal }) => api<{ items: PlanSummary[] }>('/api/plan/plans', { signal }).then((r) => r.items),
});

/** The Government's plan (Decision 1705/QĐ-TTg), where new tasks go unless another plan is chosen. */
export const mainPlanOf = <P extends { id: number; code: string }>(plans: P[] | undefined): P | undefined =>
  plans?.find((p) => p.code === NATIONAL_PLAN_CODE) ?? plans?.[0];

export interface Committee {
  id: string;
  level: string;
  name: string;
  programs: string;
  validFrom: string;
  validTo: string | null;
  instrument: string | null;
  factStatus: string;
  members: number;
  /** the caller may record this committee's meetings and supervision (decided by the server) */
  canRecord: boolean;
}

export const committeesQuery = queryOptions({
  queryKey: ['plan', 'committees'],
  queryFn: ({ signal }) => api<{ items: Committee[] }>('/api/plan/committees', { signal }).then((r) => r.items),
});
