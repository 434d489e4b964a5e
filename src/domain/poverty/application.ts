/**
 * The household's request of the regular review (QĐ 24/2021/QĐ-TTg, Điều 5 khoản 1, Mẫu số 04; source
 * QD24-2021-MAU04): one form serves a request to be reviewed (added as poor or near-poor) and a request to be
 * recognised as having escaped poverty or near-poverty. The decision (Điều 5 khoản 2) recognises what was
 * asked, or refuses it with a written reason; an outcome of the other kind is not an answer to the request.
 */
export const APPLICATION_KINDS = ['review', 'exit'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const OUTCOMES_BY_KIND = {
  review: ['poor', 'near_poor', 'rejected'],
  exit: ['exited_poor', 'exited_near_poor', 'rejected'],
} as const satisfies Record<ApplicationKind, readonly string[]>;
export const APPLICATION_OUTCOMES = ['poor', 'near_poor', 'exited_poor', 'exited_near_poor', 'rejected'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export const KIND_LABEL_VI: Record<ApplicationKind, string> = {
  review: 'Đề nghị xét duyệt bổ sung hộ nghèo, hộ cận nghèo',
  exit: 'Đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo',
};

export const OUTCOME_LABEL_VI: Record<ApplicationOutcome, string> = {
  poor: 'Công nhận hộ nghèo',
  near_poor: 'Công nhận hộ cận nghèo',
  exited_poor: 'Công nhận hộ thoát nghèo',
  exited_near_poor: 'Công nhận hộ thoát cận nghèo',
  rejected: 'Không công nhận',
};

export function outcomeFits(kind: ApplicationKind, outcome: ApplicationOutcome): boolean {
  return (OUTCOMES_BY_KIND[kind] as readonly string[]).includes(outcome);
}

/** Sex as the form asks it (Nam / Nữ). */
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** A CCCD has 12 digits, an old CMND 9 (the form asks "Số CCCD/CMND"). */
export const ID_NUMBER_PATTERN = /^(\d{9}|\d{12})$/;
