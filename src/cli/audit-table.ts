/**
 * The audit trail as a person reads it on a terminal: Vietnamese action and entity labels, Vietnam
 * local time, Vietnamese headers. JSON and CSV keep the codes and UTC instants (they are data for tools).
 */
import { auditActionLabel, auditEntityLabel } from '../domain/labels';
import { formatDateTimeVi } from '../domain/text';
import type { AuditRow } from '../modules/audit/contracts';
import type { TabularRow } from '../domain/tabular';

export function auditTableRows(rows: AuditRow[]): TabularRow[] {
  return rows.map((r) => ({
    'Thời điểm': formatDateTimeVi(r.at),
    'Người thực hiện': r.actorDisplayName ?? r.actorName,
    'Thao tác': auditActionLabel(r.action, 'vi'),
    'Đối tượng': [auditEntityLabel(r.entity, 'vi'), r.entityName ?? r.entityId].filter(Boolean).join(' '),
    Trước: r.before === null || r.before === undefined ? '' : JSON.stringify(r.before),
    Sau: r.after === null || r.after === undefined ? '' : JSON.stringify(r.after),
  }));
}
