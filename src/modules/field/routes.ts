import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { MAX_PHOTO_BYTES } from '../../domain/field/sync';
import { requireActor, type Role } from '../access/actor';
import { AssignmentsQuery, ClientIdParams, CommuneYearQuery, PhotoParams, ResolveBody, SyncBody } from './schemas';
import {
  AssignmentsView,
  PhotoOutcome,
  ProgressView,
  ResolveAnswer,
  SurveyEvidence,
  SurveyListView,
  SyncAnswer,
} from './contracts';
import * as svc from './service';

const tags = ['field'];
const FIELD_ROLES: Role[] = ['admin', 'program_owner', 'province_officer', 'commune_officer'];
const EXAMPLE_ID = { id: '00000000-0000-4000-8000-000000000000', clientId: '00000000-0000-4000-8000-000000000000' };

export function registerFieldRoutes(r: Router, deps: AppDeps) {
  const { db } = deps;

  r.get(
    '/api/field/assignments',
    {
      summary: 'Danh sách xã, thôn và hộ cần rà soát của người rà soát (tải về điện thoại)',
      access: FIELD_ROLES,
      tags,
      query: AssignmentsQuery,
      response: AssignmentsView,
    },
    ({ actor, query }) => svc.assignments(db, requireActor(actor), query),
  );

  r.post(
    '/api/field/photos/:id',
    {
      summary: 'Tải lên một ảnh minh chứng (JPEG hoặc WebP, tối đa 1,5 MB), theo mã ảnh do điện thoại tạo',
      access: FIELD_ROLES,
      tags,
      params: PhotoParams,
      maxBodyBytes: MAX_PHOTO_BYTES,
      example: EXAMPLE_ID,
      response: PhotoOutcome,
    },
    async ({ c, actor, params }) =>
      svc.uploadPhoto(db, requireActor(actor), {
        id: params.id,
        contentType: c.req.header('content-type'),
        bytes: new Uint8Array(await c.req.arrayBuffer()),
      }),
  );

  r.get(
    '/api/field/photos/:id',
    {
      summary: 'Ảnh minh chứng (trong phạm vi được phân quyền; có ghi nhật ký)',
      access: FIELD_ROLES,
      tags,
      params: PhotoParams,
      example: EXAMPLE_ID,
      file: 'image/*',
    },
    async ({ c, actor, params }) => {
      const photo = await svc.readPhoto(db, requireActor(actor), params.id);
      c.header('Content-Type', photo.contentType);
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(photo.bytes));
    },
  );

  r.post(
    '/api/field/surveys',
    {
      summary: 'Đồng bộ phiếu rà soát từ điện thoại (tối đa 50 phiếu mỗi lần; gửi lại không tạo bản trùng)',
      access: FIELD_ROLES,
      tags,
      body: SyncBody,
      response: SyncAnswer,
    },
    async ({ actor, body }) => ({ results: await svc.syncSurveys(db, requireActor(actor), body.surveys) }),
  );

  r.get(
    '/api/field/surveys',
    {
      summary: 'Phiếu rà soát đã đồng bộ của một xã: phân loại, lý do, minh chứng, phiếu chờ xử lý',
      access: FIELD_ROLES,
      tags,
      query: CommuneYearQuery,
      response: SurveyListView,
    },
    ({ actor, query }) => svc.listSurveys(db, requireActor(actor), query),
  );

  r.get(
    '/api/field/surveys/:clientId/evidence',
    {
      summary: 'Minh chứng của một phiếu: thành viên, vị trí, ảnh (dữ liệu cá nhân, có ghi nhật ký)',
      access: FIELD_ROLES,
      tags,
      params: ClientIdParams,
      example: EXAMPLE_ID,
      response: SurveyEvidence,
    },
    ({ actor, params }) => svc.evidence(db, requireActor(actor), params.clientId),
  );

  r.post(
    '/api/field/surveys/:clientId/resolve',
    {
      summary: 'Cán bộ xã quyết định phiếu chờ xử lý: nhận phiếu này hoặc bác bỏ',
      access: FIELD_ROLES,
      tags,
      params: ClientIdParams,
      body: ResolveBody,
      example: EXAMPLE_ID,
      response: ResolveAnswer,
    },
    ({ actor, params, body }) => svc.resolveConflict(db, requireActor(actor), params.clientId, body.decision),
  );

  r.get(
    '/api/field/progress',
    {
      summary: 'Tiến độ rà soát tại hộ của một xã: theo người rà soát và ngày, thôn đã xong, bản đồ hộ',
      access: FIELD_ROLES,
      tags,
      query: CommuneYearQuery,
      response: ProgressView,
    },
    ({ actor, query }) => svc.progress(db, requireActor(actor), query),
  );
}
