-- "No report" is not "not started" and not "late"; a deliverable is submitted (trình) by the lead
-- agency and issued (ban hành) by the signing authority: two dates; a task keeps the instrument that set
-- its duty (its legal basis), which need not be the plan it is tracked in.

ALTER TABLE task DROP CONSTRAINT task_status_check;
ALTER TABLE task ADD CONSTRAINT task_status_check
  CHECK (status IN ('no_report', 'not_started', 'in_progress', 'submitted', 'completed', 'paused', 'cancelled'));
ALTER TABLE task ALTER COLUMN status SET DEFAULT 'no_report';

ALTER TABLE task_assignment DROP CONSTRAINT task_assignment_status_check;
ALTER TABLE task_assignment ADD CONSTRAINT task_assignment_status_check
  CHECK (status IN ('no_report', 'not_started', 'in_progress', 'submitted', 'completed', 'paused', 'cancelled'));
ALTER TABLE task_assignment ALTER COLUMN status SET DEFAULT 'no_report';

-- Seeded "Chưa triển khai (0 %)" rows that nobody ever reported on: no progress report, no status move.
UPDATE task_assignment a SET status = 'no_report'
 WHERE a.status = 'not_started' AND a.percent = 0
   AND NOT EXISTS (SELECT 1 FROM progress_update p WHERE p.task_id = a.task_id AND p.assignment_id = a.id)
   AND NOT EXISTS (SELECT 1 FROM task_status_change c WHERE c.task_id = a.task_id AND c.assignment_id = a.id);
UPDATE task t SET status = 'no_report'
 WHERE t.status = 'not_started' AND t.percent = 0
   AND NOT EXISTS (SELECT 1 FROM task_assignment a WHERE a.task_id = t.id AND a.valid_to IS NULL AND a.status <> 'no_report')
   AND NOT EXISTS (SELECT 1 FROM progress_update p WHERE p.task_id = t.id);

-- Submission by the lead agency (unknown: NULL) next to the instrument's issue date (legal_instrument.issued_on).
ALTER TABLE task ADD COLUMN submitted_on date;
ALTER TABLE task ADD COLUMN submitted_source text;

-- The instrument that set the duty (e.g. 652/QĐ-TTg for the provincial plans "before 01/07/2022").
ALTER TABLE task ADD COLUMN basis_instrument_id bigint REFERENCES legal_instrument (id);
ALTER TABLE task ADD COLUMN basis_note text;
