-- Results of the program: indicators as formulas, targets with their legal source, published
-- outcomes not in poverty_published, poor-area lists and exits, report forms, periods and reports.
-- Small tables are reference tables; results_report carries province_id (Citus distribution column).

CREATE TABLE results_indicator (
  code        text PRIMARY KEY,
  name_vi     text NOT NULL,
  name_en     text NOT NULL,
  unit        text NOT NULL,
  numerator   text NOT NULL,
  denominator text,
  factor      numeric NOT NULL,
  source_vi   text NOT NULL,
  status      text NOT NULL CHECK (status IN ('verified', 'verified_secondary', 'partial', 'unverified'))
);

-- Targets: the program's (unit_id NULL = nation) and provinces' own (unit_id = the province version).
CREATE TABLE results_target (
  id          bigserial PRIMARY KEY,
  code        text,                       -- T1 … for the program's targets
  indicator   text NOT NULL REFERENCES results_indicator (code),
  unit_id     text REFERENCES admin_unit (id),
  from_year   int NOT NULL,
  to_year     int NOT NULL,
  label_vi    text NOT NULL,
  rule        jsonb NOT NULL,
  citation    text NOT NULL,
  source_id   text,
  source_url  text,
  status      text NOT NULL CHECK (status IN ('verified', 'verified_secondary', 'partial', 'unverified')),
  note        text,
  entered_by  text,
  entered_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (to_year >= from_year)
);
CREATE UNIQUE INDEX results_target_program_idx ON results_target (code) WHERE code IS NOT NULL;
CREATE INDEX results_target_unit_idx ON results_target (indicator, unit_id);

-- Published outcomes that poverty_published does not hold (ethnic-minority rate, poor districts' rate).
CREATE TABLE results_published (
  year       int NOT NULL,
  area_code  text NOT NULL,
  indicator  text NOT NULL,
  value      numeric NOT NULL,
  status     text NOT NULL,
  source_url text,
  note       text,
  PRIMARY KEY (year, area_code, indicator)
);

-- Poor-area groups (QĐ 353 lists) with validity, their members as listed, and recognised exits.
CREATE TABLE results_area_group (
  code          text PRIMARY KEY,
  name_vi       text NOT NULL,
  level         text NOT NULL CHECK (level IN ('district', 'commune')),
  legal_basis   text NOT NULL,
  listed_on     date NOT NULL,
  valid_to      date,
  official_size int NOT NULL,
  target_pct    numeric
);

CREATE TABLE results_area_member (
  group_code        text NOT NULL REFERENCES results_area_group (code),
  seq               int NOT NULL,
  stt               int,                  -- item number in the decision, when known
  name_in_source    text NOT NULL,
  province_name     text NOT NULL,
  unit_code_pre2025 text,
  unit_level        text NOT NULL CHECK (unit_level IN ('district', 'commune')),
  unit_id           text REFERENCES admin_unit (id),   -- the version valid on the listing date, when resolved
  status            text NOT NULL,
  source_url        text,
  note              text,
  exited_on         date,
  exit_basis        text,
  PRIMARY KEY (group_code, seq)
);

CREATE TABLE results_area_exit (
  id           serial PRIMARY KEY,
  group_code   text NOT NULL REFERENCES results_area_group (code),
  decision     text NOT NULL,
  decided_on   date NOT NULL,
  exited_count int NOT NULL CHECK (exited_count >= 0),
  cumulative   boolean NOT NULL,
  status       text NOT NULL,
  source_url   text,
  note         text
);

-- Report forms (configurable) and the periods opened for them.
CREATE TABLE results_form (
  code                  text PRIMARY KEY,
  number                text NOT NULL,
  annex                 text NOT NULL,
  name_vi               text NOT NULL,
  legal_basis           text NOT NULL,
  status                text NOT NULL,
  period_type           text NOT NULL CHECK (period_type IN ('monthly', 'six_monthly', 'yearly')),
  unit_level            text NOT NULL CHECK (unit_level IN ('commune', 'province')),
  deadline_working_days int NOT NULL CHECK (deadline_working_days >= 0),
  fields                jsonb NOT NULL,
  rules                 jsonb NOT NULL,
  note                  text
);

CREATE TABLE results_period (
  id          bigserial PRIMARY KEY,
  form_code   text NOT NULL REFERENCES results_form (code),
  period_key  text NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  opens_on    date NOT NULL,
  closes_on   date NOT NULL,
  deadline    date NOT NULL,
  chain       text[] NOT NULL,           -- approval levels pinned when the period opens
  opened_by   text NOT NULL,
  UNIQUE (form_code, period_key),
  CHECK (closes_on >= opens_on)
);

CREATE TABLE results_report (
  province_id     text NOT NULL REFERENCES admin_unit (id),
  id              bigserial NOT NULL,
  period_id       bigint NOT NULL REFERENCES results_period (id),
  unit_id         text NOT NULL REFERENCES admin_unit (id),
  values          jsonb NOT NULL,
  approvals       jsonb NOT NULL DEFAULT '[]',
  submitted_on    date,
  returned_reason text,
  version         int NOT NULL DEFAULT 1,
  updated_by      text NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, id),
  UNIQUE (province_id, period_id, unit_id)
);
CREATE INDEX results_report_period_idx ON results_report (period_id);
