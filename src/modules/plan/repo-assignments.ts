import type { Db } from '../../db/client';

/** SQL of task assignments (who must do a task, over time) and their evidence files. Dates are 'YYYY-MM-DD'. */

/** Whether one of the agencies has an assignment of the task in force (not handed over). */
export async function hasActiveAssignmentOfAny(db: Db, taskId: number, agencyIds: string[]): Promise<boolean> {
  return !!(await db.maybeOne(`SELECT 1 FROM task_assignment WHERE task_id = $1 AND agency_id = ANY($2::text[]) AND valid_to IS NULL`, [taskId, agencyIds]));
}
