import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { badRequest } from '../../errors';
import {
  CompareParams,
  Comparison,
  Created,
  CriteriaImported,
  CriteriaImportQuery,
  CriteriaSetList,
  ExecutionDashboard,
  ExecutionQuery,
  FigureList,
  IdParams,
  NewLine,
  NewRulebook,
  NewRun,
  NewTransaction,
  Ok,
  ReportImported,
  ReportImportQuery,
  RulebookList,
  RulebookRow,
  RunDetail,
  RunList,
  SupportRatio,
} from './contracts';
import {
  allocationWorkbook,
  criteriaTemplate,
  CRITERIA_SHEET,
  readCriteriaWorkbook,
  readReportWorkbook,
  reportTemplate,
  XLSX,
} from './excel';
import { allocationPdf } from './pdf';
import * as svc from './service';
import * as exec from './service-execution';

/** Roles that reach the budget routes; the policy (policy.ts) decides within them. The public: nothing. */
const READERS = ['admin', 'program_owner', 'steering_member', 'ministry_lead', 'province_officer'] as const;
const OWNERS = ['admin', 'program_owner'] as const;
const REPORTERS = ['admin', 'program_owner', 'province_officer'] as const;
const tags = ['budget'];

async function uploadedFile(c: Parameters<Parameters<Router['post']>[2]>[0]['c']): Promise<File> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const file = (form as Record<string, unknown>).file;
  if (!(file instanceof File)) throw badRequest('Cần gửi một tệp .xlsx trong trường "file" (multipart/form-data).');
  return file;
}

export function registerBudgetRoutes(r: Router, deps: AppDeps) {
  const db = deps.db;
  const download = (
    c: { header(k: string, v: string): void; body(b: Uint8Array): Response },
    type: string,
    name: string,
    buf: Buffer,
  ) => {
    c.header('Content-Type', type);
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    return c.body(new Uint8Array(buf));
  };

  r.get(
    '/api/budget/rulebooks',
    { summary: 'Các bộ quy tắc phân bổ (theo phiên bản)', access: READERS, tags, response: RulebookList },
    ({ actor }) => svc.listRulebooks(db, actor),
  );
  r.post(
    '/api/budget/rulebooks',
    { summary: 'Thêm phiên bản bộ quy tắc phân bổ', access: OWNERS, tags, body: NewRulebook, response: RulebookRow },
    ({ actor, body }) => svc.createRulebook(db, actor, body.body),
  );

  r.get(
    '/api/budget/criteria-sets',
    { summary: 'Các bộ dữ liệu tiêu chí', access: READERS, tags, response: CriteriaSetList },
    ({ actor }) => svc.listCriteriaSets(db, actor),
  );
  r.get(
    '/api/budget/criteria-template.xlsx',
    { summary: 'Mẫu Excel dữ liệu tiêu chí', access: OWNERS, tags, file: XLSX },
    async ({ c }) => download(c, XLSX, 'mau-du-lieu-tieu-chi.xlsx', await criteriaTemplate()),
  );
  r.post(
    '/api/budget/criteria-sets/import',
    {
      summary: 'Nhập dữ liệu tiêu chí từ Excel: tất cả hoặc không',
      access: OWNERS,
      tags,
      query: CriteriaImportQuery,
      upload: true,
      response: CriteriaImported,
    },
    async ({ c, actor, query }) => {
      svc.assertCan(actor, 'runAllocations');
      const file = await uploadedFile(c);
      const parsed = await readCriteriaWorkbook(await file.arrayBuffer());
      return svc.saveCriteriaSet(db, actor, { ...query, sheet: CRITERIA_SHEET }, parsed);
    },
  );

  r.get(
    '/api/budget/runs',
    { summary: 'Các lần phân bổ và kịch bản', access: READERS, tags, response: RunList },
    ({ actor }) => svc.listRuns(db, actor),
  );
  r.post(
    '/api/budget/runs',
    { summary: 'Chạy phân bổ (hoặc kịch bản) và lưu kết quả', access: OWNERS, tags, body: NewRun, response: Created },
    ({ actor, body }) => svc.createRun(db, actor, body),
  );
  r.get(
    '/api/budget/runs/:id',
    {
      summary: 'Kết quả phân bổ theo tỉnh, có giải thích',
      access: READERS,
      tags,
      params: IdParams,
      example: { id: '1' },
      response: RunDetail,
    },
    ({ actor, params }) => svc.runDetail(db, actor, params.id),
  );
  r.get(
    '/api/budget/runs/:id/compare/:other',
    {
      summary: 'So sánh hai lần phân bổ theo tỉnh',
      access: READERS,
      tags,
      params: CompareParams,
      example: { id: '1', other: '1' },
      response: Comparison,
    },
    ({ actor, params }) => svc.compareRuns(db, actor, params.id, params.other),
  );
  r.get(
    '/api/budget/runs/:id/export.xlsx',
    { summary: 'Bảng phân bổ (Excel)', access: READERS, tags, params: IdParams, example: { id: '1' }, file: XLSX },
    async ({ c, actor, params }) => {
      const d = await svc.runDetail(db, actor, params.id);
      return download(c, XLSX, `phan-bo-${params.id}.xlsx`, await allocationWorkbook(d.run, d.lines));
    },
  );
  r.get(
    '/api/budget/runs/:id/export.pdf',
    {
      summary: 'Bảng phân bổ (PDF, thể thức văn bản)',
      access: READERS,
      tags,
      params: IdParams,
      example: { id: '1' },
      file: 'application/pdf',
    },
    async ({ c, actor, params }) => {
      const d = await svc.runDetail(db, actor, params.id);
      return download(c, 'application/pdf', `phan-bo-${params.id}.pdf`, await allocationPdf(d.run, d.lines));
    },
  );

  r.get(
    '/api/budget/figures',
    { summary: 'Số liệu ngân sách đã công bố, có nguồn', access: READERS, tags, response: FigureList },
    ({ actor }) => svc.listFigures(db, actor),
  );

  r.get(
    '/api/budget/execution',
    {
      summary: 'Tình hình thực hiện, giải ngân theo tỉnh',
      access: READERS,
      tags,
      query: ExecutionQuery,
      response: ExecutionDashboard,
    },
    ({ actor, query }) => exec.executionDashboard(db, actor, query),
  );
  r.post(
    '/api/budget/lines',
    { summary: 'Giao vốn: dòng kế hoạch vốn năm', access: OWNERS, tags, body: NewLine, response: Created },
    ({ actor, body }) => exec.createLine(db, actor, body),
  );
  r.post(
    '/api/budget/lines/:id/transactions',
    {
      summary: 'Ghi giải ngân (tỉnh) hoặc điều chỉnh, chuyển nguồn, hủy (cơ quan chủ quản)',
      access: REPORTERS,
      tags,
      params: IdParams,
      body: NewTransaction,
      example: { id: '1' },
      response: Created,
    },
    ({ actor, params, body }) => exec.addTransaction(db, actor, params.id, body),
  );
  r.put(
    '/api/budget/support-ratios',
    {
      summary: 'Tỷ lệ hỗ trợ từ ngân sách trung ương của tỉnh',
      access: OWNERS,
      tags,
      body: SupportRatio,
      response: Ok,
    },
    ({ actor, body }) => exec.setSupportRatio(db, actor, body),
  );
  r.get(
    '/api/budget/report-template.xlsx',
    { summary: 'Mẫu Excel báo cáo giải ngân', access: REPORTERS, tags, file: XLSX },
    async ({ c }) => download(c, XLSX, 'mau-bao-cao-giai-ngan.xlsx', await reportTemplate()),
  );
  r.post(
    '/api/budget/reports/import',
    {
      summary: 'Nhập báo cáo giải ngân tháng từ Excel: tất cả hoặc không',
      access: REPORTERS,
      tags,
      query: ReportImportQuery,
      upload: true,
      response: ReportImported,
    },
    async ({ c, actor, query }) => {
      const file = await uploadedFile(c);
      return exec.importDisbursementReport(
        db,
        actor,
        query.year,
        await readReportWorkbook(await file.arrayBuffer()),
        file.name,
      );
    },
  );
}
