import { toCsv } from '../../domain/tabular';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { requireActor } from '../access/actor';
import { AuditPage } from './contracts';
import { AuditPageQuery, AuditQuery, exportAudit, listAuditPage } from './service';

export function registerAuditRoutes(r: Router, deps: AppDeps) {
  r.get(
    '/api/audit',
    {
      summary: 'Nhật ký thay đổi (từng trang, mới nhất trước)',
      access: ['admin'],
      tags: ['audit'],
      query: AuditPageQuery,
      response: AuditPage,
    },
    ({ query }) => listAuditPage(deps.db, query),
  );

  r.get(
    '/api/audit/export.csv',
    { summary: 'Xuất nhật ký thay đổi (CSV)', access: ['admin'], tags: ['audit'], query: AuditQuery, file: 'text/csv' },
    async ({ c, actor, query }) => {
      const { userId, username } = requireActor(actor);
      const rows = await exportAudit(deps.db, { userId, username }, query);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="nhat-ky.csv"');
      return c.body(toCsv(rows as never, undefined, { bom: true }));
    },
  );
}
