/**
 * Use cases of the field review: the household list a phone downloads, photos, the sync of surveys
 * into the register (same classification engine, scope and audit as the workbook import), the
 * officer's list, evidence and decisions on conflicts, progress. The only place of scope checks and
 * audit writes for this area.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import type { FieldProblem, FieldSurveyDraft } from '../../domain/field/draft';
import {
  MAX_PHOTO_BYTES,
  fieldResultsClosed,
  positionFarOutside,
  distanceToBoxM,
  sameSurvey,
  sexFromRegister,
  sniffImage,
  type SurveyIdentity,
} from '../../domain/field/sync';
import { checkSurveyDraft } from '../../domain/field/checks';
import { draftToClassifyInput } from '../../domain/field/to-classify';
import { classifyHousehold, type Classification, type ClassifyErrorCode } from '../../domain/poverty/classify';
import { communeResultsLocked } from '../../domain/poverty/review';
import { applicationForYear } from '../../domain/poverty/standards';
import type { StandardCatalog } from '../../domain/poverty/types';
import { formatNumberVi } from '../../domain/text';
import type { Actor } from '../access/actor';
import { unitAccess } from '../access/unit-access';
import { audit, auditMany, type AuditEntry } from '../audit/audit';
import * as poverty from '../poverty/repo';
import { communeReviewState, findCampaign } from '../poverty/repo-review';
import { listedHouseholdCodes } from '../poverty/repo-household';
import { reviewDateOfYear } from '../poverty/service';
import { refreshAfterSurveys, writeHouseholdSurveys, type HouseholdSurveyWrite } from '../poverty/service/field-survey';
import { standardsCatalog } from '../poverty/service/standards';
import type {
  AssignmentsView,
  ConflictKind,
  PhotoOutcome,
  ProgressView,
  ResolveDecision,
  SurveyEvidence,
  SurveyListView,
  SurveyRow,
  SyncOutcome,
} from './contracts';
import { communeBox } from './geo';
import { can, type FieldAction } from './policy';
import * as repo from './repo';
import { SurveyDraftSchema } from './schemas';

const dateInVietnam = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username });

async function covers(db: Db, actor: Actor, communeId: string): Promise<boolean> {
  return (await unitAccess(db, actor)).covers(communeId);
}

async function allowed(db: Db, actor: Actor, action: FieldAction, communeId: string): Promise<boolean> {
  return can(actor, action, { covers: await covers(db, actor, communeId) });
}

/** A commune by id, or by code on the review date of the year. */
async function communeOf(db: Db, ref: string, year: number): Promise<poverty.CommuneRow> {
  const c = ref.includes(':')
    ? await poverty.findCommune(db, ref)
    : await poverty.findCommuneOn(db, ref, reviewDateOfYear(year));
  if (!c) throw notFound(`Không có xã "${ref}" vào thời điểm rà soát năm ${year}.`);
  return c;
}

async function assertCommune(db: Db, actor: Actor, action: FieldAction, commune: poverty.CommuneRow) {
  if (!(await allowed(db, actor, action, commune.id)))
    throw forbidden(`${commune.fullName} nằm ngoài phạm vi được phân quyền của bạn.`);
}

// ---------------------------------------------------------------- download

/**
 * The caller's communes on the review date with their villages; the households (with members) of one
 * commune when it is asked for or is the caller's only one. Personal data only within scope.
 */
export async function assignments(
  db: Db,
  actor: Actor,
  q: { year: number; commune?: string },
): Promise<AssignmentsView> {
  const access = await unitAccess(db, actor);
  let communes: poverty.CommuneRow[];
  if (q.commune) {
    const c = await communeOf(db, q.commune, q.year);
    await assertCommune(db, actor, 'survey.submit', c);
    communes = [c];
  } else {
    const ids = access.unitIds ? [...access.unitIds] : null;
    // central roles have every commune: they name one
    communes = ids
      ? await poverty.scopeCommunes(db, {
          date: reviewDateOfYear(q.year),
          year: q.year,
          campaignId: null,
          ids,
          provinceId: null,
        })
      : [];
  }
  const villages = await repo.villageCounts(
    db,
    communes.map((c) => c.id),
  );
  const withHouseholds = communes.length === 1 ? communes[0] : null;
  let households: AssignmentsView['communes'][number]['households'] = null;
  if (withHouseholds) {
    const rows = await repo.communeAssignment(db, withHouseholds.provinceId, withHouseholds.id, q.year);
    const members = await repo.householdMembers(
      db,
      withHouseholds.provinceId,
      rows.map((r) => r.id),
    );
    const byHousehold = new Map<number, typeof members>();
    for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
    households = rows.map((r) => ({
      code: r.code,
      headName: r.headName,
      headIdNumber: r.headIdNumber,
      headEthnicity: r.headEthnicity,
      village: r.village,
      area: r.area,
      previousClass: r.previousClass,
      surveyed: r.surveyed,
      members: (byHousehold.get(r.id) ?? []).map(({ householdId: _h, ...m }) => ({
        ...m,
        sex: sexFromRegister(m.sex),
      })),
    }));
  }
  const app = applicationForYear(await standardsCatalog(db), q.year);
  return {
    year: q.year,
    standardId: app?.standardId ?? null,
    communes: communes.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.fullName,
      provinceName: c.provinceName,
      box: communeBox(c.code),
      villages: villages
        .filter((v) => v.communeId === c.id)
        .map(({ name, households: n }) => ({ name, households: n })),
      households: c === withHouseholds ? households : null,
    })),
  };
}

// ---------------------------------------------------------------- photos

/** Stores a photo under the phone's id; the same id again changes nothing. */
export async function uploadPhoto(
  db: Db,
  actor: Actor,
  input: { id: string; contentType: string | undefined; bytes: Uint8Array },
): Promise<PhotoOutcome> {
  const { bytes } = input;
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError(
      413,
      'photo_too_large',
      `Ảnh lớn ${formatNumberVi(bytes.length / 1024 / 1024, 1)} MB, quá giới hạn 1,5 MB: hãy chụp lại (ứng dụng tự thu nhỏ ảnh).`,
    );
  const declared = (input.contentType ?? '').split(';')[0].trim().toLowerCase();
  const sniffed = sniffImage(bytes);
  if (!sniffed || sniffed !== declared)
    throw new AppError(
      415,
      'not_an_image',
      'Tệp gửi lên không phải ảnh JPEG hoặc WebP (nội dung tệp được kiểm tra, không chỉ phần mở rộng).',
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const inserted = await repo.insertPhoto(db, {
    id: input.id,
    contentType: sniffed,
    bytes: Buffer.from(bytes),
    sha256,
    uploadedBy: actor.userId,
  });
  if (!inserted) {
    const [old] = await repo.photoInfo(db, [input.id]);
    if (old.sha256 !== sha256 || old.uploadedBy !== actor.userId)
      throw conflict('Mã ảnh này đã được dùng cho một ảnh khác.');
  }
  return { id: input.id, size: bytes.length, duplicate: !inserted };
}

/** A photo's bytes: to its uploader, or within the scope of a survey that cites it (audited). */
export async function readPhoto(db: Db, actor: Actor, id: string): Promise<{ contentType: string; bytes: Buffer }> {
  const photo = await repo.photoBytes(db, id);
  const hidden = notFound('Không tìm thấy ảnh.');
  if (!photo) throw hidden;
  const communes = await repo.photoCommunes(db, id);
  let inScope: string | null = null;
  for (const c of communes) if (await allowed(db, actor, 'survey.read', c)) inScope = c;
  if (!inScope && photo.uploadedBy !== actor.userId) throw hidden;
  await audit(db, auditActor(actor), {
    action: 'field.photo.read',
    entity: 'field_photo',
    entityId: id,
    unitId: inScope,
  });
  return { contentType: photo.contentType, bytes: photo.bytes };
}

// ---------------------------------------------------------------- sync

const CLASSIFY_PATH: Record<ClassifyErrorCode, string> = {
  unknown_indicator: 'deprived',
  no_evidence: 'incomePerCapita',
  no_score_rules: 'scoreA',
  no_item_table: 'b1Answers',
  invalid_input: 'incomePerCapita',
  no_standard: 'year',
};

const rejected = (clientId: string, message: string, problems?: FieldProblem[]): SyncOutcome => ({
  clientId,
  status: 'rejected',
  message,
  ...(problems ? { problems } : {}),
});

/**
 * Syncs surveys: a retried client id is `duplicate` and changes nothing (another household, commune or
 * year under a used client id is `rejected`); a bad survey is `rejected` with
 * its problems and is not stored (the phone keeps it); a survey of a household surveyed by another
 * draft, or after the commune's results were recognised, waits for the commune officer as `conflict`.
 * The surveys of one commune are written in one transaction under the commune's lock and their client
 * ids' locks, one audit row each, and the commune's aggregates are recomputed once for them.
 *
 * Why it is shaped this way (a thousand phones syncing at once): the lookups a survey needs (scope,
 * commune, household, photos) are made once per request, not once per survey; the writes of a commune
 * are set-based; and the audit rows are written last, in one statement, because the audit chain's lock
 * serialises every transaction that writes to the trail from its first audit row to its commit.
 */
export async function syncSurveys(db: Db, actor: Actor, items: { clientId: string }[]): Promise<SyncOutcome[]> {
  const stored = await repo.storedSurveyIdentities(
    db,
    items.map((i) => i.clientId),
  );
  const seen = new Map<string, SurveyIdentity>();
  const out: SyncOutcome[] = new Array<SyncOutcome>(items.length);
  const parsed: { at: number; item: { clientId: string }; parsed: ReturnType<typeof SurveyDraftSchema.safeParse> }[] =
    [];
  for (const [at, item] of items.entries()) {
    const id = item.clientId;
    const before = stored.get(id) ?? seen.get(id);
    if (before) {
      out[at] = usedId(id, before, identityOf(item));
      continue;
    }
    seen.set(id, identityOf(item));
    parsed.push({ at, item, parsed: SurveyDraftSchema.safeParse(item) });
  }
  const drafts = parsed.flatMap((p) => (p.parsed.success ? [p.parsed.data as FieldSurveyDraft] : []));
  const ctx = await lookups(db, actor, drafts);
  const byCommune = new Map<string, { at: number; p: Prepared }[]>();
  for (const { at, item, parsed: r } of parsed) {
    const p = await prepare(ctx, item, r);
    if ('status' in p) out[at] = p;
    else byCommune.set(p.commune.id, [...(byCommune.get(p.commune.id) ?? []), { at, p }]);
  }
  for (const [communeId, group] of byCommune)
    await db.tx(async (tx) => {
      await repo.lockCommuneSync(tx, communeId);
      const written = await writeGroup(
        tx,
        actor,
        group.map((g) => g.p),
      );
      for (const [i, { at }] of group.entries()) out[at] = written[i];
    });
  return out;
}

/** What a survey sent names, read before the survey is checked (it may not fit the form). */
function identityOf(item: object): SurveyIdentity {
  const o = item as Partial<SurveyIdentity>;
  return { year: o.year, communeCode: o.communeCode, householdCode: o.householdCode };
}

/**
 * A survey under a client id already used: the same survey again is a duplicate (nothing changes);
 * another household, commune or year under that id is another survey, refused so that neither is lost
 * or mistaken for the other (the reviewer makes a new survey, which gets a new id).
 */
function usedId(clientId: string, before: SurveyIdentity, now: SurveyIdentity): SyncOutcome {
  if (sameSurvey(before, now))
    return { clientId, status: 'duplicate', message: 'Phiếu này đã được nhận trước đó; không có gì thay đổi.' };
  return rejected(
    clientId,
    `Mã phiếu này đã được dùng cho phiếu của hộ mã ${String(before.householdCode)} năm ${String(before.year)}; phiếu này chưa được nhận. Hãy lập phiếu mới cho hộ.`,
    [{ path: 'clientId', message: 'Mã phiếu đã được dùng cho một phiếu khác.' }],
  );
}

/** A survey that passed every check and was classified, ready to be written. */
interface Prepared {
  d: FieldSurveyDraft;
  commune: poverty.CommuneRow;
  classification: Classification;
}

/** What the checks of a request's surveys look up in the database, each fetched once per request. */
interface Lookups {
  catalog: StandardCatalog;
  covers: (communeId: string) => boolean;
  actor: Actor;
  commune: (code: string, year: number) => Promise<poverty.CommuneRow | undefined>;
  /** Whether the register of the commune lists the household. */
  listed: (commune: poverty.CommuneRow, code: string) => Promise<boolean>;
  photos: Map<string, { size: number }>;
}

async function lookups(db: Db, actor: Actor, drafts: FieldSurveyDraft[]): Promise<Lookups> {
  // the standards the import classifies with: the catalog of the database
  const [catalog, access, photos] = await Promise.all([
    standardsCatalog(db),
    unitAccess(db, actor),
    repo.photoInfo(
      db,
      drafts.flatMap((d) => d.photos.map((p) => p.id)),
    ),
  ]);
  const communes = new Map<string, Promise<poverty.CommuneRow | undefined>>();
  const commune = (code: string, year: number) => {
    const key = `${code}|${year}`;
    if (!communes.has(key)) communes.set(key, poverty.findCommuneOn(db, code, reviewDateOfYear(year)));
    return communes.get(key)!;
  };
  // the households of a commune asked for by this request's drafts, in one query per commune
  const listedCodes = new Map<string, Promise<Set<string>>>();
  const listed = async (c: poverty.CommuneRow, code: string) => {
    if (!listedCodes.has(c.id)) {
      const codes = drafts.filter((d) => d.communeCode === c.code).map((d) => d.householdCode);
      listedCodes.set(c.id, listedHouseholdCodes(db, c.provinceId, c.id, codes));
    }
    return (await listedCodes.get(c.id)!).has(code);
  };
  return {
    catalog,
    covers: (id) => access.covers(id),
    actor,
    commune,
    listed,
    photos: new Map(photos.map((p) => [p.id, p])),
  };
}

async function prepare(
  ctx: Lookups,
  item: { clientId: string },
  parsed: ReturnType<typeof SurveyDraftSchema.safeParse>,
): Promise<SyncOutcome | Prepared> {
  const { catalog } = ctx;
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return rejected(item.clientId, `Phiếu có ${problems.length} lỗi; chưa được nhận.`, problems);
  }
  const d = parsed.data as FieldSurveyDraft;
  // the same checks as the phone made at the household, on the day of the survey in Vietnam
  const checks = checkSurveyDraft(d, { reviewDate: dateInVietnam(d.surveyedAt), catalog });
  if (checks.length) return rejected(d.clientId, `Phiếu có ${checks.length} lỗi; chưa được nhận.`, checks);
  const commune = await ctx.commune(d.communeCode, d.year);
  if (!commune)
    return rejected(d.clientId, `Không có xã mã "${d.communeCode}" vào thời điểm rà soát năm ${d.year}.`, [
      { path: 'communeCode', message: 'Mã xã không có trong danh mục.' },
    ]);
  if (!can(ctx.actor, 'survey.submit', { covers: ctx.covers(commune.id) }))
    return rejected(
      d.clientId,
      `${commune.fullName} nằm ngoài phạm vi được phân quyền của bạn; phiếu không được nhận.`,
      [{ path: 'communeCode', message: 'Xã ngoài phạm vi được phân quyền.' }],
    );
  if (!(await ctx.listed(commune, d.householdCode)))
    return rejected(
      d.clientId,
      `Hộ mã ${d.householdCode} không có trong danh sách hộ của ${commune.fullName}: hộ của xã khác, hoặc hộ mới chưa được lập danh sách.`,
      [{ path: 'householdCode', message: 'Hộ không thuộc danh sách của xã.' }],
    );
  const box = communeBox(commune.code);
  if (d.position && box && positionFarOutside(d.position, box)) {
    const km = formatNumberVi(distanceToBoxM(d.position, box) / 1000, 1);
    return rejected(
      d.clientId,
      `Vị trí ghi nhận cách ranh giới ${commune.fullName} khoảng ${km} km: không phải vị trí của hộ.`,
      [{ path: 'position', message: `Vị trí nằm ngoài xã khoảng ${km} km.` }],
    );
  }
  const photoProblems = d.photos.flatMap((p, i): FieldProblem[] => {
    const got = ctx.photos.get(p.id);
    if (!got) return [{ path: `photos.${i}`, message: 'Ảnh chưa được tải lên máy chủ.' }];
    if (got.size > MAX_PHOTO_BYTES) return [{ path: `photos.${i}`, message: 'Ảnh lớn hơn 1,5 MB.' }];
    return [];
  });
  if (photoProblems.length)
    return rejected(
      d.clientId,
      'Thiếu ảnh của phiếu: hãy đồng bộ lại khi có mạng để tải ảnh lên trước.',
      photoProblems,
    );

  const classified = classifyHousehold(draftToClassifyInput(d), catalog);
  if (!classified.ok)
    return rejected(d.clientId, classified.error.message, [
      { path: CLASSIFY_PATH[classified.error.code], message: classified.error.message },
    ]);
  return { d, commune, classification: classified.value };
}

const CONFLICT_MESSAGE: Record<ConflictKind, string> = {
  results_locked:
    'Kết quả rà soát của xã đã được công nhận hoặc đã gửi lên cấp trên: phiếu được lưu và chờ cán bộ xã quyết định.',
  other_survey: 'Hộ này đã có phiếu rà soát khác trong năm: phiếu được lưu và chờ cán bộ xã chọn phiếu đúng.',
};

/**
 * Writes the prepared surveys of one commune in the caller's transaction, which holds the commune's
 * lock: the outcome of each in order. A survey is judged after the ones before it in the group (a second
 * survey of a household in one request is a conflict, as it would be in the next request).
 */
async function writeGroup(tx: Db, actor: Actor, group: Prepared[]): Promise<SyncOutcome[]> {
  const { commune } = group[0];
  // retries, or the same client id sent for another commune, that arrived while another request held
  // the lock: after the client ids' locks, what is stored under them is what another transaction committed
  const ids = group.map((p) => p.d.clientId);
  await repo.lockClientIds(tx, ids);
  const stored = await repo.storedSurveyIdentities(tx, ids);
  const years = [...new Set(group.map((p) => p.d.year))];
  const closed = new Map<number, boolean>();
  const live = new Map<number, Set<string>>();
  for (const year of years) {
    const campaign = await findCampaign(tx, 'periodic', year, 0);
    const state = campaign && (await communeReviewState(tx, campaign.id, commune.id));
    closed.set(year, !!state && fieldResultsClosed(state.steps, state.approvals));
    const codes = group.filter((p) => p.d.year === year).map((p) => p.d.householdCode);
    live.set(year, await repo.liveHouseholdCodes(tx, year, commune.id, codes));
  }
  const out: SyncOutcome[] = [];
  const inserts: repo.SurveyInsert[] = [];
  const writes: HouseholdSurveyWrite[] = [];
  const audits: AuditEntry[] = [];
  for (const { d, classification } of group) {
    const before = stored.get(d.clientId);
    if (before) {
      out.push(usedId(d.clientId, before, d));
      continue;
    }
    stored.set(d.clientId, d);
    const liveCodes = live.get(d.year)!;
    const conflictKind: ConflictKind | null = closed.get(d.year)
      ? 'results_locked'
      : liveCodes.has(d.householdCode)
        ? 'other_survey'
        : null;
    liveCodes.add(d.householdCode);
    if (!conflictKind) writes.push(householdWriteOf(commune, d, classification));
    const status = conflictKind ? 'conflict' : 'accepted';
    inserts.push({
      draft: d,
      communeId: commune.id,
      provinceId: commune.provinceId,
      status,
      conflictKind,
      classification,
      reviewerId: actor.userId,
      reviewerName: actor.displayName || actor.username,
    });
    audits.push({
      action: conflictKind ? 'field.survey.conflict' : 'field.survey.accept',
      entity: 'field_survey',
      entityId: d.clientId,
      unitId: commune.id,
      after: {
        year: d.year,
        householdCode: d.householdCode,
        class: classification.class,
        status,
        conflictKind,
        photos: d.photos.length,
        position: d.position ? { accuracyM: d.position.accuracyM } : null,
      },
    });
    out.push(
      conflictKind
        ? { clientId: d.clientId, status: 'conflict', message: CONFLICT_MESSAGE[conflictKind] }
        : { clientId: d.clientId, status: 'accepted' },
    );
  }
  for (const year of years) {
    const ofYear = writes.filter((w) => w.year === year);
    if (!ofYear.length) continue;
    await writeHouseholdSurveys(tx, ofYear);
    await refreshAfterSurveys(tx, year, [commune.id]);
  }
  await repo.insertSurveys(tx, inserts);
  // last: the audit chain's lock is then held only until the commit
  await auditMany(tx, auditActor(actor), audits);
  return out;
}

function householdWriteOf(
  commune: poverty.CommuneRow,
  d: FieldSurveyDraft,
  classification: Classification,
): HouseholdSurveyWrite {
  return {
    commune,
    year: d.year,
    code: d.householdCode,
    headName: d.headName,
    headIdNumber: d.headIdNumber,
    headEthnicity: d.headEthnicity,
    village: d.village,
    area: d.area,
    occupation: d.occupation,
    noLabourCapacity: d.noLabourCapacity,
    previousClass: d.previousClass,
    members: d.members,
    classification,
  };
}

// ---------------------------------------------------------------- the officer's view

function rowOf(s: repo.StoredSurvey): SurveyRow {
  const d = s.draft;
  return {
    clientId: s.clientId,
    householdCode: s.householdCode,
    headName: d.headName,
    village: s.village,
    status: s.status,
    conflictKind: s.conflictKind,
    class: s.classification?.class ?? null,
    reasons: s.classification?.reasons ?? [],
    flags: s.classification?.flags ?? [],
    deprived: s.classification?.deprived ?? d.deprived,
    incomePerCapita: d.incomePerCapita,
    scoreA: d.scoreA,
    position: d.position,
    photoIds: d.photos.map((p) => p.id),
    reviewer: s.reviewer,
    surveyedAt: s.surveyedAt,
    receivedAt: s.receivedAt,
  };
}

export async function listSurveys(db: Db, actor: Actor, q: { year: number; commune: string }): Promise<SurveyListView> {
  const commune = await communeOf(db, q.commune, q.year);
  await assertCommune(db, actor, 'survey.read', commune);
  const rows = await repo.communeSurveys(db, q.year, commune.id);
  return {
    year: q.year,
    commune: { id: commune.id, code: commune.code, name: commune.fullName },
    surveys: rows.map(rowOf),
    canResolve: await allowed(db, actor, 'survey.resolve', commune.id),
  };
}

/** One survey with its members and evidence: personal data, within scope only, audited. */
export async function evidence(db: Db, actor: Actor, clientId: string): Promise<SurveyEvidence> {
  const s = await repo.findSurvey(db, clientId);
  if (!s || !(await allowed(db, actor, 'survey.read', s.communeId))) throw notFound('Không tìm thấy phiếu.');
  await audit(db, auditActor(actor), {
    action: 'field.evidence.read',
    entity: 'field_survey',
    entityId: clientId,
    unitId: s.communeId,
  });
  return {
    ...rowOf(s),
    communeId: s.communeId,
    members: s.draft.members,
    note: s.draft.note,
  };
}

/**
 * The commune officer decides a conflict: accept (the survey goes into the register, the household's
 * accepted survey of the year is kept as superseded) or reject (kept as dismissed). Nothing is deleted.
 */
export async function resolveConflict(
  db: Db,
  actor: Actor,
  clientId: string,
  decision: ResolveDecision,
): Promise<{ clientId: string; status: 'accepted' | 'dismissed'; superseded: string[] }> {
  return db.tx(async (tx) => {
    const first = await repo.findSurvey(tx, clientId);
    if (!first || !(await allowed(tx, actor, 'survey.read', first.communeId))) throw notFound('Không tìm thấy phiếu.');
    if (!(await allowed(tx, actor, 'survey.resolve', first.communeId)))
      throw forbidden('Chỉ cán bộ xã quyết định phiếu đang chờ xử lý.');
    await repo.lockCommuneSync(tx, first.communeId);
    const s = (await repo.findSurvey(tx, clientId))!;
    if (s.status !== 'conflict') throw conflict('Phiếu không ở trạng thái chờ xử lý.');
    const by = actor.displayName || actor.username;
    let superseded: string[] = [];
    if (decision === 'reject') {
      await repo.setSurveyStatus(tx, [clientId], 'dismissed', by);
    } else {
      const commune = (await poverty.findCommune(tx, s.communeId))!;
      const campaign = await findCampaign(tx, 'periodic', s.year, 0);
      const state = campaign && (await communeReviewState(tx, campaign.id, commune.id));
      if (state && communeResultsLocked({ approvals: state.approvals }))
        throw conflict(
          'Kết quả rà soát của xã đã được gửi lên cấp trên và bị khoá; cần cấp trên trả lại trước khi nhận phiếu này.',
        );
      const live = await repo.liveSurveysOf(tx, s.year, s.communeId, s.householdCode);
      superseded = live.filter((l) => l.status === 'accepted').map((l) => l.clientId);
      if (superseded.length) await repo.setSurveyStatus(tx, superseded, 'superseded', by);
      await writeHouseholdSurveys(tx, [householdWriteOf(commune, s.draft, s.classification)]);
      await refreshAfterSurveys(tx, s.year, [commune.id]);
      await repo.setSurveyStatus(tx, [clientId], 'accepted', by);
    }
    const status = decision === 'accept' ? 'accepted' : 'dismissed';
    await audit(tx, auditActor(actor), {
      action: 'field.survey.resolve',
      entity: 'field_survey',
      entityId: clientId,
      unitId: s.communeId,
      before: { status: 'conflict', conflictKind: s.conflictKind },
      after: { status, superseded },
    });
    return { clientId, status, superseded };
  });
}

// ---------------------------------------------------------------- progress

export async function progress(db: Db, actor: Actor, q: { year: number; commune: string }): Promise<ProgressView> {
  const commune = await communeOf(db, q.commune, q.year);
  await assertCommune(db, actor, 'survey.read', commune);
  const [byReviewerDay, households, surveys] = await Promise.all([
    repo.surveysByReviewerDay(db, q.year, commune.id),
    repo.communeAssignment(db, commune.provinceId, commune.id, q.year),
    repo.communeSurveys(db, q.year, commune.id),
  ]);
  const villages = new Map<string | null, { households: number; surveyed: number }>();
  for (const h of households) {
    const v = villages.get(h.village) ?? { households: 0, surveyed: 0 };
    v.households++;
    if (h.surveyed) v.surveyed++;
    villages.set(h.village, v);
  }
  return {
    year: q.year,
    commune: { id: commune.id, code: commune.code, name: commune.fullName, box: communeBox(commune.code) },
    byReviewerDay,
    villages: [...villages].map(([name, v]) => ({ name, ...v, done: v.surveyed === v.households })),
    waitingConflicts: surveys.filter((s) => s.status === 'conflict').length,
    surveyed: surveys
      .filter((s) => s.status === 'accepted' && s.draft.position)
      .map((s) => ({
        householdCode: s.householdCode,
        village: s.village,
        class: s.classification?.class ?? null,
        lat: s.draft.position!.lat,
        lng: s.draft.position!.lng,
      })),
    toVisit: households
      .filter((h) => !h.surveyed)
      .map((h) => ({ householdCode: h.code, headName: h.headName, village: h.village, lat: h.lat, lng: h.lng })),
  };
}
