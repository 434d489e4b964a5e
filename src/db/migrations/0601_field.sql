-- The review in the field: surveys filled on a phone and synced, with their evidence.
--
-- Photos are kept in the database (bytea), not in the data directory: evidence then belongs to the
-- same transaction as the survey that cites it, is in every backup and restore of the database, and
-- is served the same way by the embedded engine and by a shared PostgreSQL with several processes
-- (a data directory would be one machine's). A photo is at most 1.5 MB after the phone resized it.
CREATE TABLE field_photo (
  id           uuid PRIMARY KEY,             -- made on the phone: a retried upload is the same row
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/webp')),
  bytes        bytea NOT NULL,
  size         int NOT NULL,
  sha256       text NOT NULL,
  uploaded_by  int NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- One survey as sent by the phone (client_id made on the phone). Rejected surveys are not stored: the
-- phone keeps them with their message. A conflict waits for the commune officer (accept one / reject).
CREATE TABLE field_survey (
  client_id      uuid PRIMARY KEY,
  year           int NOT NULL,
  commune_id     text NOT NULL,
  province_id    text NOT NULL,
  household_code text NOT NULL,
  village        text,
  status         text NOT NULL CHECK (status IN ('accepted', 'conflict', 'superseded', 'dismissed')),
  conflict_kind  text CHECK (conflict_kind IN ('other_survey', 'results_locked')),
  draft          jsonb NOT NULL,
  class          text CHECK (class IN ('poor', 'near_poor', 'average', 'not_poor')),
  classification jsonb,
  lat            double precision,
  lng            double precision,
  accuracy_m     double precision,
  photo_ids      uuid[] NOT NULL DEFAULT '{}',
  reviewer_id    int NOT NULL,
  reviewer_name  text NOT NULL,
  surveyed_at    timestamptz NOT NULL,
  received_at    timestamptz NOT NULL DEFAULT now(),
  resolved_by    text,
  resolved_at    timestamptz
);
CREATE INDEX field_survey_commune_idx ON field_survey (year, commune_id, household_code);
-- At most one survey of a household per year is the register's (accepted).
CREATE UNIQUE INDEX field_survey_accepted_idx ON field_survey (year, commune_id, household_code) WHERE status = 'accepted';
