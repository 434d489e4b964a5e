/** The regular (monthly) review: households' requests (Mẫu số 04) and their decisions within 15 days. */
import type { Db } from '../../../db/client';
import { conflict, invalid, notFound } from '../../../errors';
import {
  OUTCOME_LABEL_VI,
  KIND_LABEL_VI,
  outcomeFits,
  type ApplicationKind,
  type ApplicationOutcome,
} from '../../../domain/poverty/application';
import * as review from '../../../domain/poverty/review';
import { hasRole, isCentral } from '../../access/actor';
import { unitAccess } from '../../access/unit-access';
import { audit } from '../../audit/audit';
import { officialCalendar } from '../../calendar/official';
import * as applicationsRepo from '../repo-applications';
import { auditActorOf, assertCoversCommune, isSystem, resolveCommune, type Caller } from './shared';

export interface NewApplication extends Partial<applicationsRepo.ApplicantDetails> {
  /** Default: a request to be reviewed (added as poor or near-poor). */
  kind?: ApplicationKind;
  applicantName: string;
  householdCode?: string;
  receivedOn: string;
  /** Start of the review; default: the monthly review the request falls into (from the 15th). */
  startedOn?: string;
}

const withStatus = (a: applicationsRepo.ApplicationRow, today: string) => ({
  ...a,
  status: review.monthlyStatus(a.startedOn, a.decidedOn, today, officialCalendar),
});

/**
 * Records a household's request for the regular review (Mẫu số 04); the decision is due 15 days after the review
 * starts.
 */
export async function createApplication(
  db: Db,
  caller: Caller,
  communeId: string,
  input: NewApplication,
  today: string,
) {
  const commune = await resolveCommune(db, { communeId }, Number(input.receivedOn.slice(0, 4)));
  await assertCoversCommune(db, caller, commune.id, ['commune_officer']);
  const startedOn = input.startedOn ?? review.monthlyReviewStart(input.receivedOn);
  const problems = [];
  if (startedOn < input.receivedOn)
    problems.push({ path: 'body.startedOn', message: 'Ngày bắt đầu rà soát không được trước ngày nhận giấy đề nghị.' });
  if (input.applicantBirthDate && input.applicantBirthDate > input.receivedOn)
    problems.push({ path: 'body.applicantBirthDate', message: 'Ngày sinh không được sau ngày nhận giấy đề nghị.' });
  if (input.applicantIdIssuedOn && input.applicantIdIssuedOn > input.receivedOn)
    problems.push({ path: 'body.applicantIdIssuedOn', message: 'Ngày cấp không được sau ngày nhận giấy đề nghị.' });
  if (problems.length) throw invalid('Dữ liệu gửi lên không hợp lệ.', problems);
  const kind = input.kind ?? 'review';
  return db.tx(async (tx) => {
    const a = await applicationsRepo.insertApplication(tx, {
      kind,
      applicantSex: input.applicantSex ?? null,
      applicantBirthDate: input.applicantBirthDate ?? null,
      applicantEthnicity: input.applicantEthnicity ?? null,
      applicantIdNumber: input.applicantIdNumber ?? null,
      applicantIdIssuedOn: input.applicantIdIssuedOn ?? null,
      applicantIdIssuer: input.applicantIdIssuer ?? null,
      applicantResidence: input.applicantResidence ?? null,
      provinceId: commune.provinceId,
      communeId: commune.id,
      applicantName: input.applicantName,
      householdCode: input.householdCode ?? null,
      receivedOn: input.receivedOn,
      startedOn,
      dueOn: review.monthlyDecisionDue(startedOn, officialCalendar),
    });
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.application.create',
      entity: 'poverty_application',
      entityId: a.id,
      unitId: commune.id,
      // which fields of the form were written, not their values: the audit log is read more widely than the request
      after: {
        kind,
        receivedOn: a.receivedOn,
        startedOn,
        dueOn: a.dueOn,
        fields: Object.keys(input)
          .filter((k) => k.startsWith('applicant'))
          .sort(),
      },
    });
    return withStatus(a, today);
  });
}

export async function decideApplication(
  db: Db,
  caller: Caller,
  id: number,
  d: { decidedOn: string; outcome: ApplicationOutcome; reason?: string },
  today: string,
) {
  const a = await applicationsRepo.findApplication(db, id);
  if (!a) throw notFound(`Không có giấy đề nghị số ${id}.`);
  await assertCoversCommune(db, caller, a.communeId, ['commune_officer']);
  if (a.decidedOn) throw conflict('Giấy đề nghị này đã có quyết định.');
  if (d.decidedOn < a.startedOn)
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.decidedOn', message: 'Ngày quyết định không được trước ngày bắt đầu rà soát.' },
    ]);
  if (!outcomeFits(a.kind, d.outcome))
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      {
        path: 'body.outcome',
        message: `"${OUTCOME_LABEL_VI[d.outcome]}" không phải kết quả của giấy ${KIND_LABEL_VI[a.kind].toLowerCase()}.`,
      },
    ]);
  if (d.outcome === 'rejected' && !d.reason)
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.reason', message: 'Không công nhận thì phải trả lời bằng văn bản, nêu rõ lý do.' },
    ]);
  return db.tx(async (tx) => {
    await applicationsRepo.decideApplication(tx, a, {
      decidedOn: d.decidedOn,
      outcome: d.outcome,
      reason: d.reason ?? null,
    });
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.application.decide',
      entity: 'poverty_application',
      entityId: a.id,
      unitId: a.communeId,
      before: { decidedOn: null },
      after: d,
    });
    return withStatus((await applicationsRepo.findApplication(tx, id))!, today);
  });
}

/**
 * Applications of a year (and month) in the caller's scope, with their 15-day status. Names, household
 * codes, the form's personal fields and refusal reasons are personal data: levels that do not cover the
 * commune (ministries, the steering committee) see the record without them.
 */
export async function listApplications(db: Db, caller: Caller, year: number, month: number | null, today: string) {
  const central = isSystem(caller) || isCentral(caller) || hasRole(caller, 'steering_member', 'ministry_lead');
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const ids = central || !access?.unitIds ? null : [...access.unitIds];
  const rows = await applicationsRepo.listApplications(db, year, month, ids);
  const personal = isSystem(caller) || isCentral(caller);
  return rows.map((a) => {
    const r = withStatus(a, today);
    // the form's personal fields and the reason of a refusal (which may quote a name or an ID number) are personal
    return personal || access?.covers(a.communeId)
      ? r
      : {
          ...r,
          applicantName: null,
          householdCode: null,
          reason: null,
          applicantSex: null,
          applicantBirthDate: null,
          applicantEthnicity: null,
          applicantIdNumber: null,
          applicantIdIssuedOn: null,
          applicantIdIssuer: null,
          applicantResidence: null,
        };
  });
}
