/**
 * Every page of the signed-in app, in navigation order. To add a page, add ONE line:
 *
 *   { path: '/ke-hoach', nav: 'main', label: { vi: 'Kế hoạch', en: 'Plan' }, can: (c) => c.plan.national, load:
 * () => import('../features/plan/PlanPage') },
 *
 * - `load` imports a module whose default export is the page component; each page becomes its
 *   own chunk, loaded on first visit (keep heavy libraries such as echarts inside the page).
 * - `path` may hold parameters (`/ke-hoach/$taskId`, read with `useParams({ strict: false })`).
 * - `can` omitted = any signed-in user; otherwise a rule over the permissions the server's policies
 *   sent (GET /api/auth/me). It only hides the link and the page; the server checks every request.
 * - `public: true` = also open to the anonymous public (aggregated, read-only data through
 *   public API routes only; such a page uses useSession(), never useMe()).
 * - `nav` omitted = no menu entry (reached by links); 'main' or 'admin' (the "Quản trị" group).
 */
import type { ReactNode } from 'react';
import type { PageRule } from './session';

export interface PageDef {
  path: string;
  label: { vi: string; en: string };
  load: () => Promise<{ default: () => ReactNode }>;
  can?: PageRule;
  public?: boolean;
  nav?: 'main' | 'admin';
}

export const PAGES: PageDef[] = [
  {
    path: '/',
    nav: 'main',
    public: true,
    label: { vi: 'Trang chủ', en: 'Home' },
    load: () => import('../features/home/HomePage'),
  },
  {
    path: '/ban-do',
    nav: 'main',
    public: true,
    label: { vi: 'Bản đồ', en: 'Map' },
    load: () => import('../features/map/MapPage'),
  },
  {
    path: '/don-vi',
    nav: 'main',
    public: true,
    label: { vi: 'Đơn vị hành chính', en: 'Administrative units' },
    load: () => import('../features/units/UnitsPage'),
  },
  {
    path: '/don-vi/$unitId',
    public: true,
    label: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
    load: () => import('../features/units/UnitPage'),
  },
  {
    path: '/chuong-trinh',
    nav: 'main',
    label: { vi: 'Chương trình', en: 'Program' },
    load: () => import('../features/plan/ProgramPage'),
  },
  {
    path: '/ke-hoach',
    nav: 'main',
    label: { vi: 'Kế hoạch', en: 'Plan' },
    load: () => import('../features/plan/PlanPage'),
  },
  { path: '/ke-hoach/$taskId', label: { vi: 'Nhiệm vụ', en: 'Task' }, load: () => import('../features/plan/TaskPage') },
  {
    path: '/co-quan-toi',
    nav: 'main',
    label: { vi: 'Cơ quan tôi', en: 'My agency' },
    can: (c) => c.plan.openMyAgency,
    load: () => import('../features/plan/MyAgencyPage'),
  },
  {
    path: '/qua-han',
    nav: 'main',
    label: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
    load: () => import('../features/plan/OverduePage'),
  },
  {
    path: '/van-ban',
    nav: 'main',
    label: { vi: 'Sổ văn bản', en: 'Legal instruments' },
    load: () => import('../features/plan/InstrumentsPage'),
  },
  {
    path: '/ban-chi-dao',
    nav: 'main',
    label: { vi: 'Ban Chỉ đạo', en: 'Steering committees' },
    load: () => import('../features/plan/CommitteesPage'),
  },
  {
    path: '/giam-sat',
    nav: 'main',
    label: { vi: 'Kiểm tra, giám sát', en: 'Supervision' },
    load: () => import('../features/plan/SupervisionPage'),
  },
  {
    path: '/ngay-nghi',
    nav: 'main',
    label: { vi: 'Ngày nghỉ lễ, tết', en: 'Public holidays' },
    load: () => import('../features/plan/CalendarPage'),
  },
  {
    path: '/ho-ngheo',
    nav: 'main',
    label: { vi: 'Hộ nghèo, cận nghèo', en: 'Poor households' },
    load: () => import('../features/poverty/PovertyPage'),
  },
  {
    path: '/thuc-dia',
    nav: 'main',
    can: (c) => c.field.survey,
    label: { vi: 'Rà soát tại hộ', en: 'Field review' },
    load: () => import('../features/field/FieldPage'),
  },
  {
    path: '/ket-qua',
    nav: 'main',
    public: true,
    label: { vi: 'Kết quả Chương trình', en: 'Program results' },
    load: () => import('../features/results/PublicResults'),
  },
  {
    path: '/tong-quan',
    nav: 'main',
    can: (c) => c.results.overview,
    label: { vi: 'Tổng quan quốc gia', en: 'National overview' },
    load: () => import('../features/results/OverviewPanel'),
  },
  {
    path: '/muc-tieu-tinh',
    nav: 'main',
    can: (c) => c.results.enterTargets,
    label: { vi: 'Mục tiêu của tỉnh', en: 'Province targets' },
    load: () => import('../features/results/TargetsEntryPage'),
  },
  {
    path: '/bao-cao',
    nav: 'main',
    label: { vi: 'Báo cáo giám sát, đánh giá', en: 'M&E reports' },
    load: () => import('../features/results/ReportsPage'),
  },
  {
    path: '/bao-cao/$periodId/$unitId',
    label: { vi: 'Báo cáo', en: 'Report' },
    load: () => import('../features/results/ReportPage'),
  },
  {
    path: '/bao-cao/in/$reportId',
    label: { vi: 'Bản in báo cáo', en: 'Report print view' },
    load: () => import('../features/results/PrintReportPage'),
  },
  {
    path: '/quan-tri/nhat-ky',
    nav: 'admin',
    can: (c) => c.audit.read,
    label: { vi: 'Nhật ký', en: 'Audit log' },
    load: () => import('../features/admin/AuditPage'),
  },
  {
    path: '/quan-tri/lien-ket',
    nav: 'admin',
    can: (c) => c.units.reviewLineage,
    label: { vi: 'Liên kết chưa xác định', en: 'Unresolved lineage' },
    load: () => import('../features/admin/UnresolvedPage'),
  },
  {
    path: '/quan-tri/tai-khoan',
    nav: 'admin',
    can: (c) => c.users.list,
    label: { vi: 'Tài khoản', en: 'Accounts' },
    load: () => import('../features/admin/UsersPage'),
  },
  {
    path: '/doi-mat-khau',
    label: { vi: 'Đổi mật khẩu', en: 'Change password' },
    load: () => import('../features/auth/ChangePasswordPage'),
  },
  {
    path: '/ngan-sach/phan-bo',
    nav: 'main',
    can: (c) => c.budget.read,
    label: { vi: 'Phân bổ vốn', en: 'Allocation' },
    load: () => import('../features/budget/AllocationPage'),
  },
  {
    path: '/ngan-sach/thuc-hien',
    nav: 'main',
    can: (c) => c.budget.read,
    label: { vi: 'Thực hiện, giải ngân', en: 'Execution' },
    load: () => import('../features/budget/ExecutionPage'),
  },
];
