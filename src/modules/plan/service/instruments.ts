/** The register of legal instruments: drafting → submitted → issued, amendments and replacements, links to tasks. */
import type { Db } from '../../../db/client';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../../errors';
import { hasRole, isCentral, type Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import * as assignments from '../repo-assignments';
import * as instruments from '../repo-instruments';
import * as tasks from '../repo-tasks';
import type { InstrumentUpdated } from '../contracts';
import type { InstrumentLink, InstrumentUpdate, NewInstrument } from '../schemas';
import { actingAgencies } from './read';
import { assertActsFor, by } from './shared';

const ORDER = ['drafting', 'submitted', 'issued'];

async function idByNumber(tx: Db, number: string | undefined, path: string): Promise<number | null> {
  if (!number) return null;
  const id = await instruments.instrumentIdByNumber(tx, number);
  if (id === null)
    throw invalid('Dữ liệu không hợp lệ', [{ path, message: `Văn bản "${number}" chưa có trong sổ văn bản.` }]);
  return id;
}

function checkIssued(status: string, issuedOn: string | null | undefined, number: string | null | undefined) {
  if (status === 'issued' && (!issuedOn || !number)) {
    throw invalid('Dữ liệu không hợp lệ', [
      { path: 'body.issuedOn', message: 'Văn bản đã ban hành cần có số, ký hiệu và ngày ban hành.' },
    ]);
  }
}

/** Program owner registers any instrument; a ministry officer only those its agency drafts. */
export async function createInstrument(db: Db, actor: Actor, input: NewInstrument) {
  if (!isCentral(actor)) {
    const mine = await actingAgencies(db, actor);
    if (!input.draftingAgencyId || !mine.includes(input.draftingAgencyId))
      throw forbidden('Bạn chỉ được đăng ký văn bản do cơ quan mình soạn thảo.');
  }
  checkIssued(input.status, input.issuedOn, input.number);
  return db.tx(async (tx) => {
    if (input.number && (await instruments.instrumentIdByNumber(tx, input.number)) !== null) {
      throw conflict(`Văn bản số "${input.number}" đã có trong sổ văn bản.`);
    }
    const amends = await idByNumber(tx, input.amendsNumber, 'body.amendsNumber');
    const replaces = await idByNumber(tx, input.replacesNumber, 'body.replacesNumber');
    const id = await instruments.insertInstrument(tx, {
      kind: input.kind,
      number: input.number ?? null,
      title: input.title,
      issuer: input.issuer ?? null,
      draftingAgencyId: input.draftingAgencyId ?? null,
      signer: input.signer ?? null,
      issuedOn: input.issuedOn ?? null,
      effectiveOn: input.effectiveOn ?? null,
      status: input.status,
      amendsId: amends,
      replacesId: replaces,
      note: input.note ?? null,
      source: `Nhập bởi ${actor.username}`,
    });
    if (input.status === 'issued') {
      if (amends) await instruments.markAmended(tx, amends);
      if (replaces) await instruments.markReplaced(tx, replaces);
    }
    await audit(tx, by(actor), {
      action: 'plan.instrument.create',
      entity: 'legal_instrument',
      entityId: id,
      agencyId: input.draftingAgencyId ?? null,
      after: input,
    });
    return { id };
  });
}

/**
 * Moves an instrument forward (drafting → submitted → issued) and fills its number and dates; 409 on a stale version.
 */
export async function updateInstrument(
  db: Db,
  actor: Actor,
  id: number,
  input: InstrumentUpdate,
): Promise<InstrumentUpdated> {
  return db.tx(async (tx) => {
    const cur = await instruments.lockInstrumentForEdit(tx, id);
    if (!cur) throw notFound(`Không tìm thấy văn bản số ${id}.`);
    if (!isCentral(actor)) {
      if (!cur.drafting_agency_id) throw forbidden('Bạn chỉ được cập nhật văn bản do cơ quan mình soạn thảo.');
      await assertActsFor(tx, actor, cur.drafting_agency_id);
    }
    if (cur.version !== input.version) {
      throw conflict(
        `Văn bản đã được người khác cập nhật (phiên bản ${cur.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`,
        { yours: input, current: cur },
      );
    }
    const status = input.status ?? cur.status;
    if (
      ORDER.includes(cur.status) &&
      ORDER.includes(status) &&
      ORDER.indexOf(status) < ORDER.indexOf(cur.status) &&
      !isCentral(actor)
    ) {
      throw badRequest(`Không thể chuyển văn bản từ "${cur.status}" về "${status}".`);
    }
    const next = {
      number: input.number ?? cur.number,
      issued_on: input.issuedOn ?? cur.issued_on,
      effective_on: input.effectiveOn ?? cur.effective_on,
      signer: input.signer ?? cur.signer,
      note: input.note ?? cur.note,
    };
    checkIssued(status, next.issued_on, next.number);
    if (
      next.number &&
      next.number !== cur.number &&
      (await instruments.instrumentIdByNumber(tx, next.number)) !== null
    ) {
      throw conflict(`Văn bản số "${next.number}" đã có trong sổ văn bản.`);
    }
    const after = await instruments.updateInstrumentFields(tx, id, {
      status,
      number: next.number,
      issuedOn: next.issued_on,
      effectiveOn: next.effective_on,
      signer: next.signer,
      note: next.note,
    });
    await audit(tx, by(actor), {
      action: 'plan.instrument.update',
      entity: 'legal_instrument',
      entityId: id,
      agencyId: cur.drafting_agency_id,
      before: cur,
      after,
    });
    return after;
  });
}

/** Links an instrument to the task it fulfils (program owner, or an agency assigned the task). */
export async function linkInstrument(db: Db, actor: Actor, taskId: number, input: InstrumentLink) {
  return db.tx(async (tx) => {
    if (!(await tasks.taskExists(tx, taskId))) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (!(await instruments.instrumentExists(tx, input.instrumentId)))
      throw notFound(`Không tìm thấy văn bản số ${input.instrumentId}.`);
    if (!isCentral(actor)) {
      const mine = hasRole(actor, 'ministry_lead', 'province_officer') ? await actingAgencies(tx, actor) : [];
      const assigned = await assignments.hasActiveAssignmentOfAny(tx, taskId, mine);
      if (!assigned) throw forbidden('Bạn chỉ được gắn văn bản vào nhiệm vụ cơ quan mình được giao.');
    }
    await tasks.linkTaskInstrument(tx, taskId, input.instrumentId);
    await audit(tx, by(actor), { action: 'plan.instrument.link', entity: 'task', entityId: taskId, after: input });
    return { ok: true };
  });
}
