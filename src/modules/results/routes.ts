import type { Router } from '../../server/route-registry';
import { sendCsvVi } from '../../server/table-export';
import type { AppDeps } from '../../server/types';
import { badRequest, conflict, unauthorized } from '../../errors';
import { requireActor } from '../access/actor';
import {
  Approve,
  AreaParams,
  CriteriaInput,
  FormParams,
  FormRules,
  NewExit,
  NewPeriod,
  NewTarget,
  PeriodParams,
  ReportIdParams,
  ReportParams,
  ReportValues,
  ReturnReport,
  ValuesQuery,
  YearQuery,
  AreaExitRecorded,
  AreaGroupList,
  AreaSuccessorsView,
  CriteriaConfig,
  CriteriaEvaluation,
  FormList,
  FormView,
  IndicatorList,
  IndicatorValues,
  NationalOverview,
  Period,
  PeriodImported,
  PeriodList,
  PeriodReports,
  PublicResults,
  ReportView,
  TargetItem,
  TargetList,
} from './contracts';
import { publicFiguresWorkbook, XLSX } from './excel';
import { reportPdf } from './pdf';
import { can } from './policy';
import * as svc from './service';

const OWNERS = ['admin', 'program_owner'] as const;
const OVERVIEW = ['admin', 'program_owner', 'steering_member', 'ministry_lead'] as const;
const READERS = [
  'admin',
  'program_owner',
  'ministry_lead',
  'steering_member',
  'province_officer',
  'commune_officer',
] as const;
const OFFICERS = ['province_officer', 'commune_officer'] as const;
const APPROVERS = ['admin', 'program_owner', 'province_officer'] as const;
const TARGET_ENTRY = ['admin', 'program_owner', 'province_officer'] as const;
const tags = ['results'];

export function registerResultsRoutes(r: Router, deps: AppDeps) {
  const db = deps.db;

  // Public: aggregated figures only (nation, regions, the poor-area lists published by decision).
  r.get(
    '/api/results/public',
    {
      summary: 'Kết quả Chương trình cho công chúng: mục tiêu, số liệu toàn quốc và vùng, huyện nghèo, xã ĐBKK, nguồn',
      access: 'public',
      tags,
      query: YearQuery,
      figures: true,
      response: PublicResults,
    },
    ({ query }) => svc.publicResults(db, query.year),
  );
  r.get(
    '/api/results/public.csv',
    {
      summary: 'Số liệu công khai (CSV, UTF-8): kết quả công bố toàn quốc, vùng và chuỗi mục tiêu',
      access: 'public',
      tags,
      figures: true,
      file: 'text/csv',
    },
    async ({ c }) => {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="ket-qua-chuong-trinh.csv"`);
      return c.body(await svc.publicFiguresCsv(db));
    },
  );
  r.get(
    '/api/results/public.xlsx',
    {
      summary: 'Số liệu công khai (Excel: số thật): kết quả công bố toàn quốc và vùng, dữ liệu của bản đồ và biểu đồ',
      access: 'public',
      tags,
      figures: true,
      file: XLSX,
    },
    async ({ c }) => {
      c.header('Content-Type', XLSX);
      c.header('Content-Disposition', `attachment; filename="ket-qua-chuong-trinh.xlsx"`);
      return c.body(new Uint8Array(await publicFiguresWorkbook(await svc.publicFigures(db))));
    },
  );
  r.get(
    '/api/results/indicators',
    {
      summary: 'Danh mục chỉ tiêu kết quả (mã, tên, đơn vị, nguồn, công thức)',
      access: 'public',
      tags,
      response: IndicatorList,
    },
    () => ({ items: svc.listIndicators() }),
  );
  r.get(
    '/api/results/values',
    {
      summary: 'Giá trị một chỉ tiêu theo năm và cấp, với mục tiêu và đánh giá',
      access: 'public',
      tags,
      query: ValuesQuery,
      response: IndicatorValues,
    },
    async ({ actor, query }) => {
      if (query.level === 'province' && !can(actor, 'values.read_province'))
        throw unauthorized('Số liệu theo tỉnh cần đăng nhập; công chúng xem được số liệu toàn quốc và vùng.');
      return { items: await svc.indicatorValues(db, query) };
    },
  );
  r.get(
    '/api/results/areas',
    {
      summary: 'Huyện nghèo, xã ĐBKK bãi ngang (QĐ 353/QĐ-TTg), thoát nghèo theo năm',
      access: 'public',
      tags,
      query: YearQuery,
      figures: true,
      response: AreaGroupList,
    },
    async ({ query }) => ({
      items: await svc.areaGroupViews(db, query.year ?? svc.currentYear()),
    }),
  );
  r.get(
    '/api/results/areas/:group/:seq/successors',
    {
      summary: 'Các xã hiện nay nhận địa bàn của một huyện nghèo / xã ĐBKK',
      access: 'public',
      tags,
      params: AreaParams,
      example: { group: 'POOR_DISTRICTS_2021_2025', seq: '1' },
      response: AreaSuccessorsView,
    },
    ({ params }) => svc.areaMemberSuccessors(db, params.group, params.seq),
  );
  r.get(
    '/api/results/areas/criteria',
    {
      summary: 'Tiêu chí huyện nghèo, xã ĐBKK bãi ngang (QĐ 36/2021/QĐ-TTg) và ngưỡng (ngưỡng chưa xác minh để trống)',
      access: 'public',
      tags,
      response: CriteriaConfig,
    },
    () => svc.criteriaConfig(),
  );
  r.post(
    '/api/results/areas/criteria',
    {
      summary: 'Đánh giá một đơn vị theo tiêu chí QĐ 36/2021/QĐ-TTg từ số liệu của đơn vị',
      access: READERS,
      tags,
      body: CriteriaInput,
      response: CriteriaEvaluation,
    },
    ({ body }) => svc.evaluateCriteria(body),
  );
  r.post(
    '/api/results/areas/exits',
    {
      summary: 'Ghi nhận quyết định công nhận thoát nghèo / thoát ĐBKK',
      access: OWNERS,
      tags,
      body: NewExit,
      response: AreaExitRecorded,
    },
    ({ actor, body }) => svc.recordExit(db, requireActor(actor), body),
  );

  r.get(
    '/api/results/overview',
    {
      summary: 'Tổng quan quốc gia: mục tiêu, giá trị, xu hướng, đạt/không đạt, báo cáo còn thiếu',
      access: OVERVIEW,
      tags,
      query: YearQuery,
      figures: true,
      response: NationalOverview,
    },
    ({ query }) => svc.nationalOverview(db, query.year),
  );
  r.get(
    '/api/results/targets',
    { summary: 'Mục tiêu của Chương trình và của các tỉnh', access: READERS, tags, response: TargetList },
    async () => ({ items: await svc.listTargets(db) }),
  );
  r.post(
    '/api/results/targets',
    {
      summary: 'Nhập mục tiêu của một tỉnh kèm văn bản giao',
      access: TARGET_ENTRY,
      tags,
      body: NewTarget,
      response: TargetItem,
    },
    ({ actor, body }) => svc.enterProvinceTarget(db, requireActor(actor), body),
  );

  r.get(
    '/api/results/forms',
    {
      summary: 'Biểu báo cáo (Thông tư 10/2022/TT-BLĐTBXH) và quy tắc kiểm tra',
      access: READERS,
      tags,
      response: FormList,
    },
    async () => ({ items: await svc.listForms(db) }),
  );
  r.put(
    '/api/results/forms/:code/rules',
    {
      summary: 'Sửa quy tắc kiểm tra của một biểu',
      access: OWNERS,
      tags,
      params: FormParams,
      body: FormRules,
      example: { code: 'TT10-BIEU-02' },
      response: FormView,
    },
    ({ actor, params, body }) => svc.setFormRules(db, requireActor(actor), params.code, body.rules),
  );
  r.get(
    '/api/results/periods',
    { summary: 'Các kỳ báo cáo', access: READERS, tags, response: PeriodList },
    async ({ actor }) => ({
      items: await svc.listPeriods(db),
      can: { open: can(actor, 'period.open') },
    }),
  );
  r.post(
    '/api/results/periods',
    {
      summary: 'Mở kỳ báo cáo của một biểu (hạn nộp tính theo ngày làm việc)',
      access: OWNERS,
      tags,
      body: NewPeriod,
      response: Period,
    },
    ({ actor, body }) => svc.openPeriod(db, requireActor(actor), body),
  );
  r.get(
    '/api/results/periods/:periodId/reports',
    {
      summary: 'Tình hình nộp báo cáo của một kỳ: đầy đủ, đúng hạn (trong phạm vi)',
      access: READERS,
      tags,
      params: PeriodParams,
      example: { periodId: '1' },
      response: PeriodReports,
    },
    ({ actor, params }) => svc.periodReports(db, requireActor(actor), params.periodId),
  );
  r.get(
    '/api/results/periods/:periodId/export.csv',
    {
      summary: 'Xuất số liệu báo cáo của một kỳ (CSV cho Excel tiếng Việt: dấu ;, dấu phẩy thập phân) trong phạm vi',
      access: READERS,
      tags,
      params: PeriodParams,
      example: { periodId: '1' },
      file: 'text/csv',
    },
    async ({ c, actor, params }) => {
      const { fileName, rows } = await svc.periodDataRows(db, requireActor(actor), params.periodId);
      return sendCsvVi(c, fileName, rows);
    },
  );
  r.get(
    '/api/results/periods/:periodId/export.xlsx',
    {
      summary: 'Xuất số liệu báo cáo của một kỳ (Excel: số và ngày thật; dùng làm mẫu nhập) trong phạm vi',
      access: READERS,
      tags,
      params: PeriodParams,
      example: { periodId: '1' },
      file: XLSX,
    },
    async ({ c, actor, params }) => {
      const { fileName, bytes } = await svc.periodXlsx(db, requireActor(actor), params.periodId);
      c.header('Content-Type', XLSX);
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return c.body(new Uint8Array(bytes));
    },
  );
  r.get(
    '/api/results/periods/:periodId/export.json',
    {
      summary: 'Xuất số liệu báo cáo của một kỳ theo định dạng trao đổi JSON (kiểu ADX) trong phạm vi',
      access: READERS,
      tags,
      params: PeriodParams,
      example: { periodId: '1' },
      file: 'application/json',
    },
    ({ actor, params }) => svc.periodExchange(db, requireActor(actor), params.periodId),
  );
  r.post(
    '/api/results/periods/:periodId/import',
    {
      summary: 'Nhập số liệu báo cáo của một kỳ từ tệp Excel hoặc JSON trao đổi (nhập cả tệp hoặc không gì)',
      access: OFFICERS,
      tags,
      params: PeriodParams,
      upload: true,
      example: { periodId: '1' },
      response: PeriodImported,
    },
    async ({ c, actor, params }) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = (form as Record<string, unknown>).file;
      if (!(file instanceof File))
        throw badRequest('Cần gửi một tệp .xlsx hoặc .json trong trường "file" (multipart/form-data).');
      return svc.importPeriodFile(
        db,
        requireActor(actor),
        params.periodId,
        file.name,
        Buffer.from(await file.arrayBuffer()),
      );
    },
  );
  r.get(
    '/api/results/periods/:periodId/units/:unitId',
    {
      summary: 'Báo cáo của một đơn vị trong một kỳ',
      access: READERS,
      tags,
      params: ReportParams,
      example: { periodId: '1', unitId: 'C:00004:2025-07-01' },
      response: ReportView,
    },
    ({ actor, params }) => svc.reportView(db, requireActor(actor), params.periodId, params.unitId),
  );
  r.put(
    '/api/results/periods/:periodId/units/:unitId',
    {
      summary: 'Nhập, lưu số liệu báo cáo (kiểm tra quy tắc khi lưu)',
      access: OFFICERS,
      tags,
      params: ReportParams,
      body: ReportValues,
      example: { periodId: '1', unitId: 'C:00004:2025-07-01' },
      response: ReportView,
    },
    ({ actor, params, body }) => svc.saveValues(db, requireActor(actor), params.periodId, params.unitId, body.values),
  );
  r.post(
    '/api/results/periods/:periodId/units/:unitId/submit',
    {
      summary: 'Gửi báo cáo lên cấp trên (kiểm tra quy tắc khi gửi)',
      access: OFFICERS,
      tags,
      params: ReportParams,
      example: { periodId: '1', unitId: 'C:00004:2025-07-01' },
      response: ReportView,
    },
    ({ actor, params }) => svc.submitReport(db, requireActor(actor), params.periodId, params.unitId),
  );
  r.get(
    '/api/results/reports/:reportId',
    {
      summary: 'Một báo cáo (xem, in)',
      access: READERS,
      tags,
      params: ReportIdParams,
      example: { reportId: '1' },
      response: ReportView,
    },
    ({ actor, params }) => svc.reportViewById(db, requireActor(actor), params.reportId),
  );
  r.get(
    '/api/results/reports/:reportId/pdf',
    {
      summary: 'Báo cáo dạng văn bản (PDF, quốc hiệu, tiêu ngữ, chữ ký)',
      access: READERS,
      tags,
      params: ReportIdParams,
      example: { reportId: '1' },
      file: 'application/pdf',
    },
    async ({ c, actor, params }) => {
      const v = await svc.reportViewById(db, requireActor(actor), params.reportId);
      // a draft is not a document: its figures may still change
      if (!v.can.print) throw conflict('Báo cáo chưa gửi: chưa in được thành văn bản.');
      c.header('Content-Type', 'application/pdf');
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`bao-cao-${v.form.code}-${v.unit.code}-${v.period.key}.pdf`)}`,
      );
      return c.body(new Uint8Array(await reportPdf(v)));
    },
  );
  r.post(
    '/api/results/reports/:reportId/approve',
    {
      summary: 'Phê duyệt báo cáo ở cấp đang chờ (khóa số liệu cấp dưới)',
      access: APPROVERS,
      tags,
      params: ReportIdParams,
      body: Approve,
      example: { reportId: '1' },
      response: ReportView,
    },
    ({ actor, params }) => svc.approveReport(db, requireActor(actor), params.reportId),
  );
  r.post(
    '/api/results/reports/:reportId/return',
    {
      summary: 'Trả lại báo cáo cho cấp dưới, kèm lý do',
      access: APPROVERS,
      tags,
      params: ReportIdParams,
      body: ReturnReport,
      example: { reportId: '1' },
      response: ReportView,
    },
    ({ actor, params, body }) => svc.returnReport(db, requireActor(actor), params.reportId, body.reason),
  );
}
