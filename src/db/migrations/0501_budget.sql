-- Budget: allocation rulebooks (versioned data), immutable allocation runs and scenarios,
-- criteria data, known figures, execution lines and their transactions, local counterpart.
-- Money is stored in đồng (numeric); the screens show million VND, the unit of the decisions.

-- A rulebook version: the validated JSON of src/domain/budget/rulebook.ts. A change is a new version.
CREATE TABLE budget_rulebook (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  version     int NOT NULL,
  project     text,
  legal_basis text NOT NULL,
  body        jsonb NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, version)
);

-- Criteria data per province (imported from Excel or CSV), with its source.
CREATE TABLE budget_criteria_set (
  id         bigserial PRIMARY KEY,
  name       text NOT NULL,
  as_of      date NOT NULL,            -- the date the province codes are read on
  source     text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE budget_criteria_value (
  set_id    bigint NOT NULL REFERENCES budget_criteria_set (id),
  unit_id   text NOT NULL REFERENCES admin_unit (id),
  criterion text NOT NULL,
  value     numeric NOT NULL CHECK (value >= 0),
  PRIMARY KEY (set_id, unit_id, criterion)
);

-- An allocation run: inputs, rulebook version and result, never changed once written.
-- A scenario is a run with a changed rulebook and/or pool, compared with its base run.
CREATE TABLE budget_run (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('run', 'scenario')),
  base_run_id  bigint REFERENCES budget_run (id),
  rulebook_id  bigint NOT NULL REFERENCES budget_rulebook (id),
  rulebook     jsonb NOT NULL,         -- the rulebook as used (a scenario's changed coefficients)
  criteria_set_id bigint REFERENCES budget_criteria_set (id),
  year         int,
  pool         numeric NOT NULL CHECK (pool >= 0),
  reserved     numeric NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  unit         text NOT NULL,
  points_total numeric NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE budget_run_line (
  run_id      bigint NOT NULL REFERENCES budget_run (id),
  unit_id     text NOT NULL REFERENCES admin_unit (id),
  inputs      jsonb NOT NULL,          -- criterion → value, as used
  source      text NOT NULL,           -- where the inputs came from
  points      numeric NOT NULL,
  amount      numeric NOT NULL,
  explanation text NOT NULL,
  PRIMARY KEY (run_id, unit_id)
);

CREATE FUNCTION budget_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'budget runs and rulebook versions are immutable (%)', TG_TABLE_NAME;
END $$;
CREATE TRIGGER budget_run_immutable BEFORE UPDATE OR DELETE ON budget_run FOR EACH ROW EXECUTE FUNCTION budget_immutable();
CREATE TRIGGER budget_run_line_immutable BEFORE UPDATE OR DELETE ON budget_run_line FOR EACH ROW EXECUTE FUNCTION budget_immutable();
CREATE TRIGGER budget_rulebook_immutable BEFORE UPDATE OR DELETE ON budget_rulebook FOR EACH ROW EXECUTE FUNCTION budget_immutable();

-- Published figures (envelope, capital plans of QĐ 652/653 where found, provinces' resolutions).
-- Nothing is derived or guessed here: an unknown figure has no row.
CREATE TABLE budget_figure (
  id            bigserial PRIMARY KEY,
  level         text NOT NULL CHECK (level IN ('national', 'province')),
  province_code_pre2025 text,
  area_name     text NOT NULL,
  period        text NOT NULL,
  item          text NOT NULL,
  funding_source text,
  amount_million numeric NOT NULL,
  legal_basis   text,
  source_url    text,
  status        text NOT NULL CHECK (status IN ('verified', 'verified_secondary', 'partial', 'unverified')),
  note          text
);

-- Execution: one line per year × province × project/sub-project × source; amounts come from
-- transactions (phase, month), never overwritten.
CREATE TABLE budget_line (
  id          bigserial PRIMARY KEY,
  year        int NOT NULL CHECK (year BETWEEN 2021 AND 2100),
  unit_id     text NOT NULL REFERENCES admin_unit (id),
  project     text NOT NULL,
  sub_project text NOT NULL DEFAULT '',
  source      text NOT NULL CHECK (source IN ('central_investment', 'central_recurrent', 'local', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, unit_id, project, sub_project, source)
);
CREATE INDEX budget_line_unit_idx ON budget_line (unit_id, year);

CREATE TABLE budget_transaction (
  id          bigserial PRIMARY KEY,
  line_id     bigint NOT NULL REFERENCES budget_line (id),
  phase       text NOT NULL CHECK (phase IN ('estimate', 'assigned', 'adjusted', 'committed', 'disbursed', 'carried_over', 'cancelled')),
  month       int CHECK (month BETWEEN 1 AND 12),
  amount      numeric NOT NULL,        -- đồng; an adjustment may be negative
  legal_basis text,
  reported_by text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_transaction_line_idx ON budget_transaction (line_id, phase);

-- A province's share of budget support from the centre in a year (input of the counterpart rule).
CREATE TABLE budget_support_ratio (
  year    int NOT NULL,
  unit_id text NOT NULL REFERENCES admin_unit (id),
  ratio   numeric NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
  source  text NOT NULL,
  PRIMARY KEY (year, unit_id)
);
