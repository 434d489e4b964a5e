-- Multidimensional poverty: standards (reference), published results (reference), the household
-- register, yearly review results, review campaigns and per-commune progress, imports, and
-- per-commune aggregates kept current on every import.
--
-- Citus-ready: the large tables (poverty_household, poverty_member, poverty_result) are distributed
-- by province_id (the province unit version of the household's commune); it is part of every
-- primary key, unique constraint and foreign key between them. Small tables are reference tables.

-- Standards as versioned data (mirror of src/domain/poverty/standards.ts, loaded as reference data).
CREATE TABLE poverty_standard (
  id             text PRIMARY KEY,
  name_vi        text NOT NULL,
  citation       text NOT NULL,
  issued         date NOT NULL,
  effective_from date NOT NULL,
  status         text NOT NULL,
  is_local       boolean NOT NULL DEFAULT false,
  definition     jsonb NOT NULL            -- every value with its citation, status and sources
);

CREATE TABLE poverty_indicator (
  standard_id    text NOT NULL REFERENCES poverty_standard (id),
  code           text NOT NULL,            -- "1.1" … "6.2"
  key            text NOT NULL,
  dimension_code text NOT NULL,
  dimension_vi   text NOT NULL,
  name_vi        text NOT NULL,
  name_en        text NOT NULL,
  threshold_vi   text NOT NULL,
  status         text NOT NULL,
  note           text,
  PRIMARY KEY (standard_id, code)
);

CREATE TABLE poverty_standard_application (
  standard_id text NOT NULL REFERENCES poverty_standard (id),
  from_year   int NOT NULL,
  to_year     int NOT NULL,
  from_date   date NOT NULL,
  to_date     date NOT NULL,
  citation    text NOT NULL,
  status      text NOT NULL,
  PRIMARY KEY (standard_id, from_year)
);

-- Published review results (MOLISA decisions, province decisions) as reference series.
CREATE TABLE poverty_published (
  id               serial PRIMARY KEY,
  year             int,                    -- null when the source is ambiguous (year_text says why)
  year_text        text NOT NULL,
  scope            text NOT NULL,          -- national | region | province | urban | rural
  area_code        text NOT NULL,          -- VN, region code, or pre-2025 province code
  area_name        text NOT NULL,
  indicator        text NOT NULL,          -- poor | near_poor | multidim | total_households
  rate_pct         numeric,
  households       bigint,
  total_households bigint,
  status           text NOT NULL,
  decision         text,
  source_url       text,
  note             text
);
CREATE INDEX poverty_published_year_idx ON poverty_published (year, scope);

-- The household register (sổ hộ). household_code is the commune's own code, stable across imports.
CREATE TABLE poverty_household (
  province_id     text NOT NULL REFERENCES admin_unit (id),
  id              bigserial NOT NULL,
  commune_id      text NOT NULL REFERENCES admin_unit (id),
  household_code  text NOT NULL,
  head_name       text NOT NULL,           -- personal data
  head_id_number  text,                    -- personal data (CCCD)
  head_ethnicity  text,
  ethnic_minority boolean NOT NULL,
  village         text,
  area            text NOT NULL CHECK (area IN ('rural', 'urban')),
  members_count   int NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, id),
  UNIQUE (province_id, commune_id, household_code)
);

CREATE TABLE poverty_member (
  province_id  text NOT NULL,
  household_id bigint NOT NULL,
  seq          int NOT NULL,
  full_name    text NOT NULL,              -- personal data
  relation     text NOT NULL,
  birth_date   date,
  sex          text,
  id_number    text,                       -- personal data (CCCD)
  ethnicity    text,
  PRIMARY KEY (province_id, household_id, seq),
  FOREIGN KEY (province_id, household_id) REFERENCES poverty_household (province_id, id) ON DELETE CASCADE
);

-- One household's result of one year's review, classified by the engine under the standard in force.
CREATE TABLE poverty_result (
  province_id       text NOT NULL,
  household_id      bigint NOT NULL,
  year              int NOT NULL,
  commune_id        text NOT NULL,         -- commune version of the review (boundaries of the review's date)
  area              text NOT NULL CHECK (area IN ('rural', 'urban')),
  ethnic_minority   boolean NOT NULL,
  standard_id       text NOT NULL,
  score_a           numeric,
  income_per_capita bigint,
  score_b           int,
  deprived          text[] NOT NULL,
  class             text NOT NULL CHECK (class IN ('poor', 'near_poor', 'average', 'not_poor')),
  previous_class    text CHECK (previous_class IN ('poor', 'near_poor', 'average', 'not_poor')),
  flags             text[] NOT NULL DEFAULT '{}',
  decision_no       text,
  decision_date     date,
  import_id         bigint,
  PRIMARY KEY (province_id, household_id, year),
  FOREIGN KEY (province_id, household_id) REFERENCES poverty_household (province_id, id) ON DELETE CASCADE
);
CREATE INDEX poverty_result_commune_idx ON poverty_result (year, commune_id);

-- Counts per commune, year, area type and ethnicity, kept current on every import of the commune.
-- Province, region and nation are sums of these rows (rates from the sums).
CREATE TABLE poverty_aggregate (
  year              int NOT NULL,
  commune_id        text NOT NULL REFERENCES admin_unit (id),
  area              text NOT NULL,
  ethnic_minority   boolean NOT NULL,
  households        int NOT NULL,
  poor              int NOT NULL,
  near_poor         int NOT NULL,
  escaped_poor      int NOT NULL,
  escaped_near_poor int NOT NULL,
  newly_poor        int NOT NULL,
  newly_near_poor   int NOT NULL,
  relapsed          int NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, commune_id, area, ethnic_minority)
);

-- Imports of a commune's review workbook: all-or-nothing; the same file again changes nothing.
CREATE TABLE poverty_import (
  id           bigserial PRIMARY KEY,
  commune_id   text NOT NULL REFERENCES admin_unit (id),
  year         int NOT NULL,
  file_name    text NOT NULL,
  file_sha256  text NOT NULL,             -- sha256 of the checked content (see service.contentSha)
  households   int NOT NULL,
  members      int NOT NULL,
  imported_by  text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX poverty_import_commune_idx ON poverty_import (commune_id, year, id);

-- Review campaigns (one year's periodic review, one month's regular review), pinned to a routing.
CREATE TABLE poverty_campaign (
  id         bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('periodic', 'monthly')),
  year       int NOT NULL,
  month      int NOT NULL DEFAULT 0,       -- 0 for a periodic campaign
  opens_on   date NOT NULL,
  closes_on  date,
  routing_id text NOT NULL,
  UNIQUE (kind, year, month)
);

-- Each commune's progress through the steps and the approvals up the chain.
CREATE TABLE poverty_commune_review (
  campaign_id bigint NOT NULL REFERENCES poverty_campaign (id),
  commune_id  text NOT NULL REFERENCES admin_unit (id),
  province_id text NOT NULL REFERENCES admin_unit (id),
  steps       jsonb NOT NULL DEFAULT '[]',  -- [{step, on, evidence}]
  approvals   jsonb NOT NULL DEFAULT '[]',  -- [{level, on}]
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, commune_id)
);
