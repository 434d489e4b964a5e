-- Counts of reports per period (submitted, on time, approved at every level), kept current in the
-- same transaction as each submission, approval and return, so the national dashboard does not scan
-- the reports (about 200,000 rows over five years of monthly reports).
CREATE TABLE results_period_tally (
  period_id bigint PRIMARY KEY REFERENCES results_period (id),
  submitted int NOT NULL DEFAULT 0,
  on_time   int NOT NULL DEFAULT 0,
  approved  int NOT NULL DEFAULT 0
);
