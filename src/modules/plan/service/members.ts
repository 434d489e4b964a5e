/**
 * Members of a steering committee as officials keep them: add a member, change role, title or dates, end a
 * membership. Who: the program owner (and administrator) for any committee, a province or commune officer
 * for the committees of the units they cover — the same rule as recording meetings.
 */
import type { Db } from '../../../db/client';
import { formatDateVi } from '../../../domain/text';
import { forbidden, invalid, notFound } from '../../../errors';
import type { Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import type { CommitteeMember } from '../contracts';
import * as members from '../repo-members';
import type { MemberInput } from '../schemas';
import { recordableCommittees } from './read';
import { assertAgencyInForce, by } from './shared';

async function committeeInScope(tx: Db, actor: Actor, committeeId: string) {
  const c = await members.committeeForUpdate(tx, committeeId);
  if (!c) throw notFound(`Không tìm thấy Ban Chỉ đạo "${committeeId}".`);
  if (!(await recordableCommittees(tx, actor, [c])).has(c.id))
    throw forbidden('Bạn chỉ sửa được thành viên Ban Chỉ đạo của địa phương mình.');
  return c;
}

/** A membership lies within the committee's life; the agency (if named) exists on the first day. */
async function fieldsOf(
  tx: Db,
  c: { validFrom: string; validTo: string | null },
  m: MemberInput,
): Promise<members.MemberFields> {
  const problems: { path: string; message: string }[] = [];
  if (m.validFrom < c.validFrom)
    problems.push({
      path: 'body.validFrom',
      message: `Ban Chỉ đạo được thành lập từ ngày ${formatDateVi(c.validFrom)}; thành viên không thể bắt đầu trước ngày đó.`,
    });
  if (c.validTo && (m.validFrom > c.validTo || (m.validTo && m.validTo > c.validTo)))
    problems.push({
      path: m.validFrom > c.validTo ? 'body.validFrom' : 'body.validTo',
      message: `Ban Chỉ đạo hết hoạt động ngày ${formatDateVi(c.validTo)}; thời gian làm thành viên phải nằm trước ngày đó.`,
    });
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  if (m.agencyId) await assertAgencyInForce(tx, m.agencyId, m.validFrom, 'body.agencyId');
  return {
    role: m.role,
    personName: m.personName || null,
    position: m.position,
    agencyId: m.agencyId || null,
    validFrom: m.validFrom,
    validTo: m.validTo ?? null,
    note: m.note || null,
  };
}

export async function addMember(
  db: Db,
  actor: Actor,
  committeeId: string,
  input: MemberInput,
): Promise<CommitteeMember> {
  return db.tx(async (tx) => {
    const c = await committeeInScope(tx, actor, committeeId);
    const row = await members.insertMember(tx, c.id, {
      ...(await fieldsOf(tx, c, input)),
      confirmedUntil: null,
      instrumentId: null,
      factStatus: 'VERIFIED',
      source: `Nhập bởi ${actor.username}`,
      enteredBy: actor.username,
    });
    await members.markMembersEdited(tx, c.id);
    await audit(tx, by(actor), {
      action: 'plan.committee_member.create',
      entity: 'committee_member',
      entityId: row.id,
      unitId: c.unitId,
      after: row,
    });
    return row;
  });
}

/** Changes a membership (ending it is setting validTo). */
export async function updateMember(
  db: Db,
  actor: Actor,
  committeeId: string,
  memberId: number,
  input: MemberInput,
): Promise<CommitteeMember> {
  return db.tx(async (tx) => {
    const c = await committeeInScope(tx, actor, committeeId);
    const before = await members.memberForUpdate(tx, c.id, memberId);
    if (!before) throw notFound('Không tìm thấy thành viên này trong Ban Chỉ đạo.');
    const row = await members.updateMember(tx, memberId, await fieldsOf(tx, c, input), actor.username);
    await members.markMembersEdited(tx, c.id);
    await audit(tx, by(actor), {
      action: row.validTo && !before.validTo ? 'plan.committee_member.end' : 'plan.committee_member.update',
      entity: 'committee_member',
      entityId: memberId,
      unitId: c.unitId,
      before,
      after: row,
    });
    return row;
  });
}
