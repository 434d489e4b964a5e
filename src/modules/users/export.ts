/**
 * The accounts as a table officials keep in Excel: Vietnamese headers, each role with the unit or
 * agency it covers by name and its dates, the status, the last sign-in as a date. Names and e-mail
 * addresses are personal data: the export is recorded in the audit trail, in the same transaction as
 * the reading.
 */
import type { Db } from '../../db/client';
import { formatDateVi, todayInVietnam } from '../../domain/text';
import type { TabularRow } from '../../domain/tabular';
import type { Actor } from '../access/actor';
import { ROLE_LABELS_VI } from '../access/actor';
import { listAgencies } from '../agencies/repo';
import { audit } from '../audit/audit';
import { getUnits } from '../units/repo';
import { listUsers } from './service';

export async function exportUsers(db: Db, viewer: Actor): Promise<TabularRow[]> {
  return db.tx(async (tx) => {
    const { items } = await listUsers(tx, viewer);
    const unitIds = [...new Set(items.flatMap((u) => u.grants.map((g) => g.unitId)).filter((x): x is string => !!x))];
    const units = new Map((await getUnits(tx, unitIds)).map((u) => [u.id, u.fullName]));
    const agencies = new Map((await listAgencies(tx, { at: todayInVietnam() })).map((a) => [a.id, a.name]));
    const rows = items.map((u) => ({
      'Tên đăng nhập': u.username,
      'Họ và tên': u.displayName,
      'Thư điện tử': u.email ?? '',
      'Vai trò': u.grants
        .map((g) =>
          [
            ROLE_LABELS_VI[g.role],
            g.unitId ? (units.get(g.unitId) ?? '') : '',
            g.agencyId ? (agencies.get(g.agencyId) ?? '') : '',
            g.validFrom || g.validTo
              ? `từ ${g.validFrom ? formatDateVi(g.validFrom) : '…'} đến ${g.validTo ? formatDateVi(g.validTo) : '…'}`
              : '',
            g.inForce ? '' : '(không còn hiệu lực)',
          ]
            .filter(Boolean)
            .join(' — '),
        )
        .join('; '),
      'Trạng thái': u.active ? 'Đang hoạt động' : 'Đã khóa',
      'Phải đổi mật khẩu': u.mustChangePassword,
      // the day in Vietnam, as a date cell
      'Ngày đăng nhập cuối': u.lastLoginAt ? new Date(`${todayInVietnam(new Date(u.lastLoginAt))}T00:00:00Z`) : null,
    }));
    await audit(
      tx,
      { userId: viewer.userId, username: viewer.username },
      {
        action: 'users.user.export',
        entity: 'user',
        after: { rows: rows.length },
      },
    );
    return rows;
  });
}
