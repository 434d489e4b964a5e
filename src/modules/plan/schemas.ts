import { z } from 'zod';
import { TASK_STATUSES } from '../../domain/plan/status';
import { isoDate } from '../../server/validate';

const id = z.coerce.number({ message: 'Mã phải là số.' }).int().positive({ message: 'Mã phải là số dương.' });

export const TaskParams = z.object({ id });
export const AssignmentParams = z.object({ id, aid: id });
export const EvidenceParams = z.object({ id, fid: id });
export const CommitteeParams = z.object({ id: z.string().min(1).max(80) });

export const StatusQuery = z.object({
  asOf: isoDate.optional(),
  agency: z.string().max(80).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type StatusQuery = z.infer<typeof StatusQuery>;

export const AsOfQuery = z.object({ asOf: isoDate.optional(), agency: z.string().max(80).optional() });

export const AssignmentUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  status: z.enum(TASK_STATUSES).optional(),
  percent: z.number().min(0, { message: 'Tiến độ từ 0 đến 100%.' }).max(100, { message: 'Tiến độ từ 0 đến 100%.' }).optional(),
  narrative: z.string().trim().max(5000).optional(),
  note: z.string().trim().max(2000).optional(),
  completedOn: isoDate.optional(),
  reportedOn: isoDate.optional(),
  instrumentNumber: z.string().trim().max(80).optional(),
});
export type AssignmentUpdate = z.infer<typeof AssignmentUpdate>;

export const NewTask = z.object({
  planId: z.number().int().positive(),
  parentId: z.number().int().positive().optional(),
  position: z.string().trim().min(1).max(20),
  title: z.string().trim().min(3, { message: 'Cần nội dung công việc.' }).max(2000),
  leadAgencyId: z.string().optional(),
  fanOut: z.enum(['none', 'provinces', 'ministries', 'all']).default('none'),
  coordinatorIds: z.array(z.string()).default([]),
  deadline: z.string().trim().max(200).optional(),
  startOn: isoDate.optional(),
  deliverableKind: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type NewTask = z.infer<typeof NewTask>;

export const TaskUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  title: z.string().trim().min(3).max(2000).optional(),
  deadline: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const NewComment = z.object({
  body: z.string().trim().min(1, { message: 'Nội dung ý kiến không được để trống.' }).max(5000),
  kind: z.enum(['comment', 'request', 'reply']).default('comment'),
  toAgencyId: z.string().optional(),
  assignmentId: z.number().int().positive().optional(),
});
export type NewComment = z.infer<typeof NewComment>;

export const Handover = z.object({
  toAgencyId: z.string().min(1, { message: 'Cần cơ quan nhận bàn giao.' }),
  onDate: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export type Handover = z.infer<typeof Handover>;

export const DigestRun = z.object({ asOf: isoDate.optional() });
