/** SQL of the poverty area: review campaigns and each commune's steps and approvals. */
import type { Db } from '../../db/client';
import type { ChainState, StepRecord } from '../../domain/poverty/review';
import type { CommuneRow } from './repo';

/** Every commune's review record of a campaign, with the commune. */
export async function communeReviews(db: Db, campaignId: number) {
  const rows = await db.query<CommuneRow & { steps: StepRecord[]; approvals: ChainState['approvals'] }>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName", r.steps, r.approvals
     FROM poverty_commune_review r JOIN admin_unit c ON c.id = r.commune_id JOIN admin_unit p ON p.id = c.province_id
     WHERE r.campaign_id = $1 ORDER BY c.province_id, c.code`,
    [campaignId],
  );
  return rows.map(({ steps, approvals, ...commune }) => ({ commune, steps, approvals }));
}

export interface CampaignRow {
  id: number;
  kind: 'periodic' | 'monthly';
  year: number;
  month: number;
  opens_on: string;
  closes_on: string | null;
  routing_id: string;
}

export function findCampaign(db: Db, kind: string, year: number, month: number): Promise<CampaignRow | undefined> {
  return db.maybeOne<CampaignRow>('SELECT * FROM poverty_campaign WHERE kind = $1 AND year = $2 AND month = $3', [
    kind,
    year,
    month,
  ]);
}

export function insertCampaign(
  tx: Db,
  c: { kind: string; year: number; month: number; opensOn: string; closesOn: string | null; routingId: string },
): Promise<CampaignRow> {
  return tx.one<CampaignRow>(
    `INSERT INTO poverty_campaign (kind, year, month, opens_on, closes_on, routing_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, year, month) DO UPDATE SET kind = EXCLUDED.kind RETURNING *`,
    [c.kind, c.year, c.month, c.opensOn, c.closesOn, c.routingId],
  );
}

export function communeApprovals(db: Db, campaignId: number, communeIds: string[]) {
  return db.query<{ commune_id: string; approvals: ChainState['approvals'] }>(
    'SELECT commune_id, approvals FROM poverty_commune_review WHERE campaign_id = $1 AND commune_id = ANY($2::text[])',
    [campaignId, communeIds],
  );
}

export function communeReviewState(db: Db, campaignId: number, communeId: string) {
  return db.maybeOne<{ steps: StepRecord[]; approvals: ChainState['approvals'] }>(
    'SELECT steps, approvals FROM poverty_commune_review WHERE campaign_id = $1 AND commune_id = $2',
    [campaignId, communeId],
  );
}

export async function saveCommuneReview(
  tx: Db,
  campaignId: number,
  commune: CommuneRow,
  steps: StepRecord[],
  approvals: ChainState['approvals'],
): Promise<void> {
  await tx.query(
    `INSERT INTO poverty_commune_review (campaign_id, commune_id, province_id, steps, approvals) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (campaign_id, commune_id) DO UPDATE SET steps = EXCLUDED.steps, approvals = EXCLUDED.approvals, updated_at = now()`,
    [campaignId, commune.id, commune.provinceId, JSON.stringify(steps), JSON.stringify(approvals)],
  );
}
