/** The register of legal instruments: drafting → submitted → issued, amendments and replacements, links to tasks. */
import type { Db } from '../../../db/client';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../../errors';
import { hasRole, isCentral, type Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import type { InstrumentLink, InstrumentUpdate, NewInstrument } from '../schemas';
import { actingAgencies } from './read';
import { assertActsFor, by } from './shared';

const ORDER = ['drafting', 'submitted', 'issued'];

async function idByNumber(tx: Db, number: string | undefined, path: string): Promise<number | null> {
  if (!number) return null;
  const row = await tx.maybeOne<{ id: number }>(`SELECT id FROM legal_instrument WHERE number = $1`, [number]);
  if (!row) throw invalid('Dữ liệu không hợp lệ', [{ path, message: `Văn bản "${number}" chưa có trong sổ văn bản.` }]);
  return row.id;
}

function checkIssued(status: string, issuedOn: string | null | undefined, number: string | null | undefined) {
  if (status === 'issued' && (!issuedOn || !number)) {
    throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.issuedOn', message: 'Văn bản đã ban hành cần có số, ký hiệu và ngày ban hành.' }]);
  }
}

/** Program owner registers any instrument; a ministry officer only those its agency drafts. */
export async function createInstrument(db: Db, actor: Actor, input: NewInstrument) {
  if (!isCentral(actor)) {
    const mine = await actingAgencies(db, actor);
    if (!input.draftingAgencyId || !mine.includes(input.draftingAgencyId)) throw forbidden('Bạn chỉ được đăng ký văn bản do cơ quan mình soạn thảo.');
  }
  checkIssued(input.status, input.issuedOn, input.number);
  return db.tx(async (tx) => {
    if (input.number && (await tx.maybeOne(`SELECT 1 FROM legal_instrument WHERE number = $1`, [input.number]))) {
      throw conflict(`Văn bản số "${input.number}" đã có trong sổ văn bản.`);
    }
    const amends = await idByNumber(tx, input.amendsNumber, 'body.amendsNumber');
    const replaces = await idByNumber(tx, input.replacesNumber, 'body.replacesNumber');
    const row = await tx.one<{ id: number }>(
      `INSERT INTO legal_instrument (kind, number, title, issuer, drafting_agency_id, signer, issued_on, effective_on, status, amends_id, replaces_id, note, fact_status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'VERIFIED', $13) RETURNING id`,
      [input.kind, input.number ?? null, input.title, input.issuer ?? null, input.draftingAgencyId ?? null, input.signer ?? null, input.issuedOn ?? null,
       input.effectiveOn ?? null, input.status, amends, replaces, input.note ?? null, `Nhập bởi ${actor.username}`],
    );
    if (input.status === 'issued') {
      if (amends) await tx.query(`UPDATE legal_instrument SET status = 'amended', version = version + 1 WHERE id = $1 AND status = 'issued'`, [amends]);
      if (replaces) await tx.query(`UPDATE legal_instrument SET status = 'replaced', version = version + 1 WHERE id = $1 AND status IN ('issued', 'amended')`, [replaces]);
    }
    await audit(tx, by(actor), { action: 'plan.instrument.create', entity: 'legal_instrument', entityId: row.id, agencyId: input.draftingAgencyId ?? null, after: input });
    return { id: row.id };
  });
}

/** Moves an instrument forward (drafting → submitted → issued) and fills its number and dates; 409 on a stale version. */
export async function updateInstrument(db: Db, actor: Actor, id: number, input: InstrumentUpdate) {
  return db.tx(async (tx) => {
    const cur = await tx.maybeOne<{ id: number; status: string; number: string | null; issued_on: string | null; effective_on: string | null; signer: string | null; note: string | null; drafting_agency_id: string | null; version: number }>(
      `SELECT id, status, number, issued_on, effective_on, signer, note, drafting_agency_id, version FROM legal_instrument WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!cur) throw notFound(`Không tìm thấy văn bản số ${id}.`);
    if (!isCentral(actor)) {
      if (!cur.drafting_agency_id) throw forbidden('Bạn chỉ được cập nhật văn bản do cơ quan mình soạn thảo.');
      await assertActsFor(tx, actor, cur.drafting_agency_id);
    }
    if (cur.version !== input.version) {
      throw conflict(`Văn bản đã được người khác cập nhật (phiên bản ${cur.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`, { yours: input, current: cur });
    }
    const status = input.status ?? cur.status;
    if (ORDER.includes(cur.status) && ORDER.includes(status) && ORDER.indexOf(status) < ORDER.indexOf(cur.status) && !isCentral(actor)) {
      throw badRequest(`Không thể chuyển văn bản từ "${cur.status}" về "${status}".`);
    }
    const next = { number: input.number ?? cur.number, issued_on: input.issuedOn ?? cur.issued_on, effective_on: input.effectiveOn ?? cur.effective_on, signer: input.signer ?? cur.signer, note: input.note ?? cur.note };
    checkIssued(status, next.issued_on, next.number);
    if (next.number && next.number !== cur.number && (await tx.maybeOne(`SELECT 1 FROM legal_instrument WHERE number = $1`, [next.number]))) {
      throw conflict(`Văn bản số "${next.number}" đã có trong sổ văn bản.`);
    }
    const after = await tx.one(
      `UPDATE legal_instrument SET status = $2, number = $3, issued_on = $4, effective_on = $5, signer = $6, note = $7, version = version + 1 WHERE id = $1
       RETURNING id, status, number, issued_on, effective_on, signer, note, version`,
      [id, status, next.number, next.issued_on, next.effective_on, next.signer, next.note],
    );
    await audit(tx, by(actor), { action: 'plan.instrument.update', entity: 'legal_instrument', entityId: id, agencyId: cur.drafting_agency_id, before: cur, after });
    return after;
  });
}

/** Links an instrument to the task it fulfils (program owner, or an agency assigned the task). */
export async function linkInstrument(db: Db, actor: Actor, taskId: number, input: InstrumentLink) {
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM task WHERE id = $1`, [taskId]))) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (!(await tx.maybeOne(`SELECT 1 FROM legal_instrument WHERE id = $1`, [input.instrumentId]))) throw notFound(`Không tìm thấy văn bản số ${input.instrumentId}.`);
    if (!isCentral(actor)) {
      const mine = hasRole(actor, 'ministry_lead', 'province_officer') ? await actingAgencies(tx, actor) : [];
      const assigned = await tx.maybeOne(`SELECT 1 FROM task_assignment WHERE task_id = $1 AND agency_id = ANY($2::text[]) AND valid_to IS NULL`, [taskId, mine]);
      if (!assigned) throw forbidden('Bạn chỉ được gắn văn bản vào nhiệm vụ cơ quan mình được giao.');
    }
    await tx.query(`INSERT INTO task_instrument (task_id, instrument_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [taskId, input.instrumentId]);
    await audit(tx, by(actor), { action: 'plan.instrument.link', entity: 'task', entityId: taskId, after: input });
    return { ok: true };
  });
}
