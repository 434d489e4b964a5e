/**
 * Every page of the signed-in app, in navigation order. To add a page, add ONE line:
 *
 *   { path: '/ke-hoach', nav: 'main', label: pageLabel('plan'), can: (c) => c.plan.national, load:
 * () => import('../features/plan/PlanPage') },
 *
 * - `load` imports a module whose default export is the page component; each page becomes its
 *   own chunk, loaded on first visit (keep heavy libraries such as echarts inside the page).
 * - `path` may hold parameters (`/ke-hoach/$taskId`, read with `useParams({ strict: false })`).
 * - `can` omitted = any signed-in user; otherwise a rule over the permissions the server's policies
 *   sent (GET /api/auth/me). It only hides the link and the page; the server checks every request.
 * - `public: true` = also open to the anonymous public (aggregated, read-only data through
 *   public API routes only; such a page uses useSession(), never useMe()).
 * - `label`: the page's name in both languages, from `pages` in app-texts.ts.
 * - `nav` omitted = no menu entry (reached by links); 'main' or 'admin' (the administration group).
 */
import type { ReactNode } from 'react';
import { texts } from './app-texts';
import type { PageRule } from './session';

const pageLabel = (key: keyof typeof texts.vi.pages) => ({ vi: texts.vi.pages[key], en: texts.en.pages[key] });

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
    label: pageLabel('home'),
    load: () => import('../features/home/HomePage'),
  },
  {
    path: '/ban-do',
    nav: 'main',
    public: true,
    label: pageLabel('map'),
    load: () => import('../features/map/MapPage'),
  },
  {
    path: '/don-vi',
    nav: 'main',
    public: true,
    label: pageLabel('administrativeUnits'),
    load: () => import('../features/units/UnitsPage'),
  },
  {
    path: '/don-vi/$unitId',
    public: true,
    label: pageLabel('administrativeUnit'),
    load: () => import('../features/units/UnitPage'),
  },
  {
    path: '/chuong-trinh',
    nav: 'main',
    label: pageLabel('program'),
    load: () => import('../features/plan/ProgramPage'),
  },
  {
    path: '/ke-hoach',
    nav: 'main',
    label: pageLabel('plan'),
    load: () => import('../features/plan/PlanPage'),
  },
  { path: '/ke-hoach/$taskId', label: pageLabel('task'), load: () => import('../features/plan/TaskPage') },
  {
    path: '/co-quan-toi',
    nav: 'main',
    label: pageLabel('myAgency'),
    can: (c) => c.plan.openMyAgency,
    load: () => import('../features/plan/MyAgencyPage'),
  },
  {
    path: '/qua-han',
    nav: 'main',
    label: pageLabel('overdueTasks'),
    load: () => import('../features/plan/OverduePage'),
  },
  {
    path: '/van-ban',
    nav: 'main',
    label: pageLabel('legalInstruments'),
    load: () => import('../features/plan/InstrumentsPage'),
  },
  {
    path: '/ban-chi-dao',
    nav: 'main',
    label: pageLabel('steeringCommittees'),
    load: () => import('../features/plan/CommitteesPage'),
  },
  {
    path: '/giam-sat',
    nav: 'main',
    label: pageLabel('supervision'),
    load: () => import('../features/plan/SupervisionPage'),
  },
  {
    path: '/ngay-nghi',
    nav: 'main',
    label: pageLabel('publicHolidays'),
    load: () => import('../features/plan/CalendarPage'),
  },
  {
    path: '/ho-ngheo',
    nav: 'main',
    label: pageLabel('poorHouseholds'),
    load: () => import('../features/poverty/PovertyPage'),
  },
  {
    path: '/thuc-dia',
    nav: 'main',
    can: (c) => c.field.survey,
    label: pageLabel('fieldReview'),
    load: () => import('../features/field/FieldPage'),
  },
  {
    path: '/ket-qua',
    nav: 'main',
    public: true,
    label: pageLabel('programResults'),
    load: () => import('../features/results/PublicResults'),
  },
  {
    path: '/tong-quan',
    nav: 'main',
    can: (c) => c.results.overview,
    label: pageLabel('nationalOverview'),
    load: () => import('../features/results/OverviewPanel'),
  },
  {
    path: '/muc-tieu-tinh',
    nav: 'main',
    can: (c) => c.results.enterTargets,
    label: pageLabel('provinceTargets'),
    load: () => import('../features/results/TargetsEntryPage'),
  },
  {
    path: '/bao-cao',
    nav: 'main',
    label: pageLabel('mAndEReports'),
    load: () => import('../features/results/ReportsPage'),
  },
  {
    path: '/bao-cao/$periodId/$unitId',
    label: pageLabel('report'),
    load: () => import('../features/results/ReportPage'),
  },
  {
    path: '/bao-cao/in/$reportId',
    label: pageLabel('reportPrintView'),
    load: () => import('../features/results/PrintReportPage'),
  },
  {
    path: '/quan-tri/nhat-ky',
    nav: 'admin',
    can: (c) => c.audit.read,
    label: pageLabel('auditLog'),
    load: () => import('../features/admin/AuditPage'),
  },
  {
    path: '/quan-tri/lien-ket',
    nav: 'admin',
    can: (c) => c.units.reviewLineage,
    label: pageLabel('unresolvedLineage'),
    load: () => import('../features/admin/UnresolvedPage'),
  },
  {
    path: '/quan-tri/tai-khoan',
    nav: 'admin',
    can: (c) => c.users.list,
    label: pageLabel('accounts'),
    load: () => import('../features/admin/UsersPage'),
  },
  {
    path: '/doi-mat-khau',
    label: pageLabel('changePassword'),
    load: () => import('../features/auth/ChangePasswordPage'),
  },
  {
    path: '/ngan-sach/phan-bo',
    nav: 'main',
    can: (c) => c.budget.read,
    label: pageLabel('allocation'),
    load: () => import('../features/budget/AllocationPage'),
  },
  {
    path: '/ngan-sach/thuc-hien',
    nav: 'main',
    can: (c) => c.budget.read,
    label: pageLabel('execution'),
    load: () => import('../features/budget/ExecutionPage'),
  },
];
