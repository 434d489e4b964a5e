-- Daily jobs taken once per day across several application processes on one database.
CREATE TABLE job_run (
  job       text NOT NULL,
  day       date NOT NULL,
  taken_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job, day)
);
