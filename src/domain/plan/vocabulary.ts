/**
 * The value sets of the plan area (stored codes): the server's schemas, the database checks and the
 * screens take them from here, so a code is spelled once.
 */

/** Stages of a legal instrument the plan tracks, from drafting to expiry. */
export const INSTRUMENT_STATUSES = ['drafting', 'submitted', 'issued', 'amended', 'replaced', 'expired'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** Roles in a steering committee (Ban Chỉ đạo): head, deputy head, standing member, member, invited. */
export const MEMBER_ROLES = ['head', 'deputy_head', 'standing_member', 'member', 'invited'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Levels at which a steering committee sits. */
export const COMMITTEE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

/** A comment on a task: an opinion, a request to an agency, or the agency's reply. */
export const COMMENT_KINDS = ['comment', 'request', 'reply'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** Supervision (giám sát) or inspection (kiểm tra). */
export const SUPERVISION_KINDS = ['supervision', 'inspection'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** Follow-up of a recommendation after supervision. */
export const RECOMMENDATION_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
