-- Regular (monthly) review: a household's request (Mẫu số 04) and the commune chair's decision,
-- due within 15 days of the start of the review (QĐ 24/2021/QĐ-TTg, Art. 5). Distributed by province.
CREATE TABLE poverty_application (
  province_id    text NOT NULL REFERENCES admin_unit (id),
  id             bigserial NOT NULL,
  commune_id     text NOT NULL REFERENCES admin_unit (id),
  applicant_name text NOT NULL,             -- personal data
  household_code text,
  received_on    date NOT NULL,
  started_on     date NOT NULL,
  due_on         date NOT NULL,
  decided_on     date,
  outcome        text CHECK (outcome IN ('poor', 'near_poor', 'rejected')),
  reason         text,                      -- written reasons when rejected
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, id),
  CHECK ((decided_on IS NULL) = (outcome IS NULL)),
  CHECK (outcome IS DISTINCT FROM 'rejected' OR reason IS NOT NULL)
);
CREATE INDEX poverty_application_commune_idx ON poverty_application (commune_id, started_on);
