import type { Db } from '../../db/client';

/** SQL of task assignments (who must do a task, over time) and their evidence files. Dates are 'YYYY-MM-DD'. */

/** Whether one of the agencies has an assignment of the task in force (not handed over). */
export async function hasActiveAssignmentOfAny(db: Db, taskId: number, agencyIds: string[]): Promise<boolean> {
  return !!(await db.maybeOne(
    `SELECT 1 FROM task_assignment WHERE task_id = $1 AND agency_id = ANY($2::text[]) AND valid_to IS NULL`,
    [taskId, agencyIds],
  ));
}

export async function insertEvidence(
  db: Db,
  f: {
    taskId: number;
    fileName: string;
    contentType: string;
    bytes: Uint8Array;
    sha256: string;
    userId: number | null;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO evidence_file (task_id, progress_id, file_name, content_type, size_bytes, sha256, content, by_user_id)
     VALUES ($1, NULL, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [f.taskId, f.fileName, f.contentType, f.bytes.length, f.sha256, Buffer.from(f.bytes), f.userId],
  );
  return row.id;
}

export async function findEvidence(db: Db, taskId: number, id: number) {
  return db.maybeOne<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
    `SELECT file_name, content_type, content, sha256 FROM evidence_file WHERE task_id = $1 AND id = $2`,
    [taskId, id],
  );
}
