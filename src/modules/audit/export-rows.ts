/**
 * The audit trail as officials read it in a spreadsheet: Vietnamese headers and labels, the day as a
 * date cell and the time of day in Vietnam (UTC+7). The JSON API and the CLI's JSON keep the codes.
 */
import { auditActionLabel, auditEntityLabel } from '../../domain/labels';
import type { TabularRow } from '../../domain/tabular';
import type { AuditRow } from './service';

export function auditSheetRows(rows: AuditRow[]): TabularRow[] {
  return rows.map((r) => {
    const local = new Date(new Date(r.at).getTime() + 7 * 3600_000);
    return {
      Ngày: new Date(`${local.toISOString().slice(0, 10)}T00:00:00Z`),
      Giờ: local.toISOString().slice(11, 19),
      'Người thực hiện': r.actorDisplayName ?? r.actorName,
      'Tên đăng nhập': r.actorName,
      'Thao tác': auditActionLabel(r.action, 'vi'),
      'Đối tượng': auditEntityLabel(r.entity, 'vi'),
      'Tên hoặc mã đối tượng': r.entityName ?? r.entityId ?? '',
      'Trước khi thay đổi': r.before === null || r.before === undefined ? '' : JSON.stringify(r.before),
      'Sau khi thay đổi': r.after === null || r.after === undefined ? '' : JSON.stringify(r.after),
    };
  });
}
