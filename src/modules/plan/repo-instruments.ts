import type { Db } from '../../db/client';
import type { InstrumentUpdated, InstrumentView } from './contracts';

/** SQL of the register of legal instruments. Dates are 'YYYY-MM-DD'. */

export type InstrumentStatus = 'drafting' | 'submitted' | 'issued' | 'amended' | 'replaced' | 'expired';

export async function instrumentIdByNumber(db: Db, number: string): Promise<number | null> {
  const row = await db.maybeOne<{ id: number }>(`SELECT id FROM legal_instrument WHERE number = $1`, [number]);
  return row?.id ?? null;
}

export async function instrumentExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.maybeOne(`SELECT 1 FROM legal_instrument WHERE id = $1`, [id]));
}

export async function insertInstrument(
  db: Db,
  i: {
    kind: string;
    number: string | null;
    title: string;
    issuer: string | null;
    draftingAgencyId: string | null;
    signer: string | null;
    issuedOn: string | null;
    effectiveOn: string | null;
    status: InstrumentStatus;
    amendsId: number | null;
    replacesId: number | null;
    note: string | null;
    /** how far the entry is checked; a user's registration is 'VERIFIED' (they hold the document) */
    factStatus?: string;
    source: string;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO legal_instrument (kind, number, title, issuer, drafting_agency_id, signer, issued_on, effective_on, status, amends_id, replaces_id, note, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $13) RETURNING id`,
    [
      i.kind,
      i.number,
      i.title,
      i.issuer,
      i.draftingAgencyId,
      i.signer,
      i.issuedOn,
      i.effectiveOn,
      i.status,
      i.amendsId,
      i.replacesId,
      i.note,
      i.source,
      i.factStatus ?? 'VERIFIED',
    ],
  );
  return row.id;
}

/** An issued instrument that a newly issued one amends becomes 'amended'. */
export async function markAmended(db: Db, id: number) {
  await db.query(
    `UPDATE legal_instrument SET status = 'amended', version = version + 1 WHERE id = $1 AND status = 'issued'`,
    [id],
  );
}

/** An issued (or amended) instrument that a newly issued one replaces becomes 'replaced'. */
export async function markReplaced(db: Db, id: number) {
  await db.query(
    `UPDATE legal_instrument SET status = 'replaced', version = version + 1 WHERE id = $1 AND status IN ('issued', 'amended')`,
    [id],
  );
}

export interface EditableInstrument {
  id: number;
  status: InstrumentStatus;
  number: string | null;
  issued_on: string | null;
  effective_on: string | null;
  signer: string | null;
  note: string | null;
  drafting_agency_id: string | null;
  version: number;
}

export async function lockInstrumentForEdit(db: Db, id: number): Promise<EditableInstrument | undefined> {
  return db.maybeOne<EditableInstrument>(
    `SELECT id, status, number, issued_on, effective_on, signer, note, drafting_agency_id, version FROM legal_instrument WHERE id = $1 FOR UPDATE`,
    [id],
  );
}

export async function updateInstrumentFields(
  db: Db,
  id: number,
  v: {
    status: InstrumentStatus;
    number: string | null;
    issuedOn: string | null;
    effectiveOn: string | null;
    signer: string | null;
    note: string | null;
  },
) {
  return db.one<InstrumentUpdated>(
    `UPDATE legal_instrument SET status = $2, number = $3, issued_on = $4, effective_on = $5, signer = $6, note = $7, version = version + 1 WHERE id = $1
     RETURNING id, status, number, issued_on, effective_on, signer, note, version`,
    [id, v.status, v.number, v.issuedOn, v.effectiveOn, v.signer, v.note],
  );
}

/** The register, oldest first, with what each instrument amends or replaces and the tasks it fulfils. */
export async function listInstrumentsWithTasks(db: Db) {
  return db.query<InstrumentView>(
    `SELECT li.id, li.kind, li.number, li.title, li.issuer, li.signer, li.issued_on AS "issuedOn", li.effective_on AS "effectiveOn", li.status, li.note,
            li.fact_status AS "factStatus", li.source, li.version, am.number AS "amends", rp.number AS "replaces",
            (SELECT json_agg(json_build_object('id', t.id, 'position', t.position, 'dueOn', t.due_on)) FROM task_instrument ti JOIN task t ON t.id = ti.task_id WHERE ti.instrument_id = li.id) AS tasks
       FROM legal_instrument li LEFT JOIN legal_instrument am ON am.id = li.amends_id LEFT JOIN legal_instrument rp ON rp.id = li.replaces_id
      ORDER BY li.issued_on NULLS LAST, li.id`,
  );
}
