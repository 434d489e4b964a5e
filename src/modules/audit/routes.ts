import type { Router } from '../../server/route-registry';
import { sendCsvVi, sendXlsx } from '../../server/table-export';
import type { AppDeps } from '../../server/types';
import { auditSheetRows } from './export-rows';
import { requireActor } from '../access/actor';
import { AUDIT_ROLES } from './policy';
import { AuditPage } from './contracts';
import { AuditPageQuery, AuditQuery, exportAudit, listAuditPage } from './service';

export function registerAuditRoutes(r: Router, deps: AppDeps) {
  r.get(
    '/api/audit',
    {
      summary: 'Nhật ký thay đổi (từng trang, mới nhất trước)',
      access: AUDIT_ROLES.read,
      tags: ['audit'],
      query: AuditPageQuery,
      response: AuditPage,
    },
    ({ query }) => listAuditPage(deps.db, query),
  );

  // Exports name people: each one is recorded in the trail (exportAudit).
  r.get(
    '/api/audit/export.csv',
    {
      summary: 'Xuất nhật ký thay đổi (CSV cho Excel tiếng Việt: dấu ;, ngày dd/mm/yyyy)',
      access: AUDIT_ROLES.export,
      tags: ['audit'],
      query: AuditQuery,
      file: 'text/csv',
    },
    async ({ c, actor, query }) => {
      const { userId, username } = requireActor(actor);
      return sendCsvVi(c, 'nhat-ky.csv', auditSheetRows(await exportAudit(deps.db, { userId, username }, query)));
    },
  );

  r.get(
    '/api/audit/export.xlsx',
    {
      summary: 'Xuất nhật ký thay đổi (Excel)',
      access: AUDIT_ROLES.export,
      tags: ['audit'],
      query: AuditQuery,
      file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    async ({ c, actor, query }) => {
      const { userId, username } = requireActor(actor);
      const rows = auditSheetRows(await exportAudit(deps.db, { userId, username }, query));
      return sendXlsx(c, 'nhat-ky.xlsx', 'Nhật ký', rows);
    },
  );
}
