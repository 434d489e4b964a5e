import fs from 'node:fs';
import type { z } from 'zod';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { badRequest, forbidden, invalid } from '../../errors';
import { COMMUNE_WORKERS, READERS } from '../../domain/poverty/policy';
import { KNOWN_GAPS_VI } from '../../domain/poverty/standards';
import { CSV_VI, toCsv } from '../../domain/tabular';
import { todayInVietnam } from '../../domain/text';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { hasRole, requireActor, type Actor, type Role } from '../access/actor';
import { writeReviewWorkbook, writeTableWorkbook } from './excel';
import { findCommune } from './repo';
import { publishedSeries } from './repo-summary';
import {
  ApplicationParams,
  ApproveBody,
  ClassifyBody,
  CommuneParams,
  DecisionBody,
  HouseholdPageQuery,
  ImportQuery,
  MonthQuery,
  NewApplicationBody,
  OptionalYearQuery,
  ResidentBody,
  ReturnBody,
  StepBody,
  ScopeCommunesQuery,
  SummaryQuery,
  YearQuery,
} from './schemas';
import {
  Application,
  ApplicationList,
  Classification,
  CommuneReviewView,
  HouseholdPageAnswer,
  ImportAnswer,
  PublishedAnswer,
  ResidentImportAnswer,
  ResidentListAnswer,
  ResidentSetAnswer,
  ResidentView,
  ReviewProgressAnswer,
  ScopeCommunesAnswer,
  StandardsAnswer,
  SummaryAnswer,
} from './contracts';
import { cleanText } from '../../validate';
import { withImportDir } from './import-isolation';
import * as svc from './service';
import * as resident from './service/resident';
import { writeResidentTemplate } from './resident-file';

const tags = ['poverty'];
/** Roles following the whole program: they may list one province's communes in the summary. */
const COMMUNE_SUMMARY: Role[] = ['admin', 'program_owner', 'ministry_lead', 'steering_member'];

/** The summary by commune is for the central roles (a drill-down of the national overview). */
function summaryScope<Q extends { level: string }>(actor: Actor | null, query: Q): Q {
  if (query.level === 'commune' && !hasRole(actor, ...COMMUNE_SUMMARY))
    throw forbidden('Tổng hợp theo xã dành cho cơ quan chủ quản và Ban Chỉ đạo trung ương.');
  return query;
}

const EXAMPLE = { communeId: 'C:00004:2025-07-01' };

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Uint8Array<ArrayBuffer>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  const all = Buffer.concat(chunks);
  const bytes = new Uint8Array(new ArrayBuffer(all.length));
  bytes.set(all);
  return bytes;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerPovertyRoutes(r: Router, deps: AppDeps) {
  const { db } = deps;

  r.get(
    '/api/poverty/standards',
    {
      summary: 'Chuẩn nghèo đa chiều theo thời kỳ, kèm căn cứ pháp lý và trạng thái xác minh',
      access: 'public',
      tags,
      reference: true,
      response: StandardsAnswer,
    },
    async (): Promise<StandardsAnswer> => ({
      ...(await svc.standardsCatalog(db)),
      knownGaps: KNOWN_GAPS_VI,
    }),
  );

  r.post(
    '/api/poverty/classify',
    {
      summary: 'Phân loại một hộ theo chuẩn nghèo (không lưu)',
      access: 'public',
      tags,
      body: ClassifyBody,
      response: Classification,
    },
    ({ body }) => {
      if (body.year === undefined && body.date === undefined)
        throw invalid('Dữ liệu gửi lên không hợp lệ.', [
          { path: 'body.year', message: 'Cần năm (year) hoặc ngày (date).' },
        ]);
      return svc.classifyOne(db, body);
    },
  );

  r.get(
    '/api/poverty/published',
    {
      summary: 'Kết quả rà soát đã công bố 2022-2024 (toàn quốc, vùng, một số tỉnh)',
      access: 'public',
      tags,
      query: OptionalYearQuery,
      figures: true,
      response: PublishedAnswer,
    },
    async ({ query }) => ({
      items: await publishedSeries(db, query.year),
    }),
  );

  r.get(
    '/api/poverty/summary',
    {
      summary: 'Tổng hợp hộ nghèo, cận nghèo, thoát nghèo, phát sinh, tái nghèo theo tỉnh, vùng, toàn quốc',
      access: READERS,
      tags,
      query: SummaryQuery,
      figures: true,
      response: SummaryAnswer,
    },
    ({ actor, query }) => svc.povertySummary(db, summaryScope(actor, query)),
  );

  const summaryTable = async (actor: Actor | null, query: z.infer<typeof SummaryQuery>) => {
    const s = await svc.povertySummary(db, summaryScope(actor, query));
    return svc.summaryTableRowsVi([
      ...s.rows,
      ...s.unresolved.map((r) => ({ ...r, name: `${r.name} (chưa quy đổi được)` })),
    ]);
  };
  const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

  // For Excel under Vietnamese regional settings: ';' between fields, decimal comma, UTF-8 BOM.
  r.get(
    '/api/poverty/summary.csv',
    {
      summary: 'Xuất bảng tổng hợp (CSV cho Excel tiếng Việt: dấu ; và dấu phẩy thập phân)',
      access: READERS,
      tags,
      query: SummaryQuery,
      file: 'text/csv',
    },
    async ({ c, actor, query }) => {
      const rows = await summaryTable(actor, query);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', attachment(`tong-hop-ho-ngheo-${query.year}-${query.level}.csv`));
      return c.body(toCsv(rows, undefined, CSV_VI));
    },
  );

  r.get(
    '/api/poverty/summary.xlsx',
    { summary: 'Xuất bảng tổng hợp (Excel, số là số)', access: READERS, tags, query: SummaryQuery, file: XLSX },
    async ({ c, actor, query }) => {
      const rows = await summaryTable(actor, query);
      const bytes = await collect((out) => writeTableWorkbook(out, `Tổng hợp ${query.year}`, rows));
      c.header('Content-Type', XLSX);
      c.header('Content-Disposition', attachment(`tong-hop-ho-ngheo-${query.year}-${query.level}.xlsx`));
      return c.body(bytes);
    },
  );

  r.get(
    '/api/poverty/reviews',
    {
      summary: 'Tiến độ rà soát định kỳ của các xã trong phạm vi',
      access: READERS,
      tags,
      query: YearQuery,
      response: ReviewProgressAnswer,
    },
    ({ actor, query }) => svc.reviewProgress(db, requireActor(actor), query.year, todayInVietnam()),
  );

  r.get(
    '/api/poverty/communes',
    {
      summary:
        'Các xã trong phạm vi của người dùng: trạng thái rà soát, số hộ dân cư, lần nhập gần nhất, bước tiếp theo',
      access: COMMUNE_WORKERS,
      tags,
      query: ScopeCommunesQuery,
      response: ScopeCommunesAnswer,
    },
    ({ actor, query }) =>
      svc.scopeCommuneList(db, requireActor(actor), query.year, todayInVietnam(), query.province ?? null),
  );

  r.get(
    '/api/poverty/communes/:communeId/households',
    {
      summary: 'Danh sách hộ của xã (dữ liệu cá nhân)',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      query: HouseholdPageQuery,
      example: EXAMPLE,
      response: HouseholdPageAnswer,
    },
    async ({ actor, params, query }) =>
      svc.communeHouseholdList(db, requireActor(actor), params.communeId, query.year, query),
  );

  r.get(
    '/api/poverty/communes/:communeId/template.xlsx',
    {
      summary: 'Tải mẫu sổ kết quả rà soát (Excel) của xã',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      query: YearQuery,
      example: EXAMPLE,
      file: XLSX,
    },
    async ({ c, params, query }) => {
      const commune = await findCommune(db, params.communeId);
      if (!commune) throw badRequest(`Không có xã mã ${params.communeId}.`);
      // The catalog of the database: a standard added there as data shows in the guide sheet.
      const catalog = await svc.standardsCatalog(db);
      const bytes = await collect((out) =>
        writeReviewWorkbook(out, {
          communeName: commune.fullName,
          year: query.year,
          catalog,
        }),
      );
      c.header('Content-Type', XLSX);
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`mau-ra-soat-${commune.code}-${query.year}.xlsx`)}`,
      );
      return c.body(bytes);
    },
  );

  r.get(
    '/api/poverty/communes/:communeId/export.xlsx',
    {
      summary: 'Xuất danh sách hộ nghèo, hộ cận nghèo của xã (dữ liệu cá nhân, có ghi nhật ký)',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      query: YearQuery,
      example: EXAMPLE,
      file: XLSX,
    },
    async ({ c, actor, params, query }) => {
      const bytes = await collect((out) =>
        svc.exportPoorLists(db, requireActor(actor), params.communeId, query.year, out),
      );
      c.header('Content-Type', XLSX);
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`ho-ngheo-can-ngheo-${query.year}.xlsx`)}`,
      );
      return c.body(bytes);
    },
  );

  r.post(
    '/api/poverty/communes/:communeId/import',
    {
      summary: 'Nhập sổ kết quả rà soát (Excel) của xã: tất cả hoặc không',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      query: ImportQuery,
      upload: true,
      example: EXAMPLE,
      response: ImportAnswer,
    },
    async ({ c, actor, params, query }) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = (form as Record<string, unknown>).file;
      if (!(file instanceof File)) throw badRequest('Cần gửi một tệp .xlsx trong trường "file" (multipart/form-data).');
      return withImportDir(async (dir) => {
        const tmp = path.join(dir, 'upload.xlsx');
        fs.writeFileSync(tmp, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
        return svc.importReviewWorkbook(db, requireActor(actor), {
          communeId: params.communeId,
          year: query.year,
          filePath: tmp,
          fileName: cleanText(file.name).slice(0, 200),
          confirmEmpty: query.confirmEmpty,
        });
      });
    },
  );

  r.post(
    '/api/poverty/communes/:communeId/review/steps',
    {
      summary: 'Ghi nhận bước rà soát định kỳ của xã',
      access: ['admin', 'program_owner', 'commune_officer'],
      tags,
      params: CommuneParams,
      body: StepBody,
      example: EXAMPLE,
      response: CommuneReviewView,
    },
    ({ actor, params, body }) =>
      svc.recordReviewStep(db, requireActor(actor), params.communeId, body.year, {
        step: body.step,
        on: body.on,
        evidence: body.evidence,
      }),
  );

  r.post(
    '/api/poverty/communes/:communeId/review/approve',
    {
      summary: 'Phê duyệt và khoá kết quả rà soát của xã ở một cấp',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      body: ApproveBody,
      example: EXAMPLE,
      response: CommuneReviewView,
    },
    ({ actor, params, body }) =>
      svc.approveReview(db, requireActor(actor), params.communeId, body.year, body.level, body.on),
  );

  r.post(
    '/api/poverty/communes/:communeId/review/return',
    {
      summary: 'Trả lại kết quả rà soát cho cấp dưới để sửa',
      access: ['admin', 'program_owner', 'province_officer'],
      tags,
      params: CommuneParams,
      body: ReturnBody,
      example: EXAMPLE,
      response: CommuneReviewView,
    },
    ({ actor, params, body }) => svc.returnReview(db, requireActor(actor), params.communeId, body.year, body.byLevel),
  );

  r.get(
    '/api/poverty/resident-households',
    {
      summary: 'Tổng số hộ dân cư của các xã theo năm rà soát (mẫu số của tỷ lệ nghèo)',
      access: READERS,
      tags,
      query: YearQuery,
      response: ResidentListAnswer,
    },
    async ({ query }) => ({
      items: await resident.listResidentHouseholds(db, query.year),
    }),
  );

  r.get(
    '/api/poverty/communes/:communeId/resident-households',
    {
      summary: 'Tổng số hộ dân cư của xã, lịch sử thay đổi và quyền sửa',
      access: READERS,
      tags,
      params: CommuneParams,
      query: YearQuery,
      example: EXAMPLE,
      response: ResidentView,
    },
    ({ actor, params, query }) => resident.residentHouseholdsOf(db, requireActor(actor), params.communeId, query.year),
  );

  r.put(
    '/api/poverty/communes/:communeId/resident-households',
    {
      summary: 'Ghi nhận tổng số hộ dân cư của xã (có nguồn số liệu, ghi nhật ký)',
      access: COMMUNE_WORKERS,
      tags,
      params: CommuneParams,
      body: ResidentBody,
      example: EXAMPLE,
      response: ResidentSetAnswer,
    },
    ({ actor, params, body }) =>
      resident.setResidentHouseholds(db, requireActor(actor), { communeId: params.communeId, ...body }),
  );

  r.get(
    '/api/poverty/resident-households/template.xlsx',
    {
      summary: 'Tải mẫu tệp tổng số hộ dân cư (các xã trong phạm vi, tại thời điểm rà soát)',
      access: COMMUNE_WORKERS,
      tags,
      query: YearQuery,
      file: XLSX,
    },
    async ({ c, actor, query }) => {
      const communes = await resident.residentTemplateCommunes(db, requireActor(actor), query.year);
      const bytes = await collect((out) => writeResidentTemplate(out, communes));
      c.header('Content-Type', XLSX);
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`so-ho-dan-cu-${query.year}.xlsx`)}`,
      );
      return c.body(bytes);
    },
  );

  r.post(
    '/api/poverty/resident-households/import',
    {
      summary: 'Nhập tổng số hộ dân cư của các xã từ tệp Excel/CSV: tất cả hoặc không',
      access: COMMUNE_WORKERS,
      tags,
      query: YearQuery,
      upload: true,
      response: ResidentImportAnswer,
    },
    async ({ c, actor, query }) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = (form as Record<string, unknown>).file;
      if (!(file instanceof File))
        throw badRequest('Cần gửi một tệp .xlsx hoặc .csv trong trường "file" (multipart/form-data).');
      return withImportDir(async (dir) => {
        const tmp = path.join(dir, /\.csv$/i.test(file.name) ? 'upload.csv' : 'upload.xlsx');
        fs.writeFileSync(tmp, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
        return resident.importResidentFile(db, requireActor(actor), {
          year: query.year,
          filePath: tmp,
          fileName: cleanText(file.name).slice(0, 200),
        });
      });
    },
  );

  r.get(
    '/api/poverty/applications',
    {
      summary: 'Rà soát thường xuyên: giấy đề nghị và thời hạn 15 ngày',
      access: READERS,
      tags,
      query: MonthQuery,
      response: ApplicationList,
    },
    async ({ actor, query }) => ({
      items: await svc.listApplications(db, requireActor(actor), query.year, query.month ?? null, todayInVietnam()),
    }),
  );

  r.post(
    '/api/poverty/communes/:communeId/applications',
    {
      summary: 'Tiếp nhận giấy đề nghị rà soát thường xuyên (Mẫu số 04)',
      access: ['admin', 'program_owner', 'commune_officer'],
      tags,
      params: CommuneParams,
      body: NewApplicationBody,
      example: EXAMPLE,
      response: Application,
    },
    ({ actor, params, body }) =>
      svc.createApplication(db, requireActor(actor), params.communeId, body, todayInVietnam()),
  );

  r.post(
    '/api/poverty/applications/:id/decision',
    {
      summary: 'Quyết định công nhận hoặc trả lời không công nhận',
      access: ['admin', 'program_owner', 'commune_officer'],
      tags,
      params: ApplicationParams,
      body: DecisionBody,
      example: { id: '1' },
      response: Application,
    },
    ({ actor, params, body }) => svc.decideApplication(db, requireActor(actor), params.id, body, todayInVietnam()),
  );
}
