-- Administrative units over time: what 0101 lacks (aliases, regions, lineage kind, notes).
-- All of these are small code tables (Citus reference tables).

ALTER TABLE admin_unit ADD COLUMN note text;            -- assumptions about this version (e.g. the 2021 lower bound)
CREATE INDEX admin_unit_province_idx ON admin_unit (province_id);

-- reform_2025: the old → new mapping of the 2025 reform; same_unit: the same territory under a new
-- version (parent re-versioned, rename, reclassification); same_code: consecutive history records of
-- one code whose name, type or parent changed (derived; the territory may have grown).
ALTER TABLE unit_lineage ADD COLUMN kind text NOT NULL DEFAULT 'reform_2025'
  CHECK (kind IN ('reform_2025', 'same_unit', 'same_code'));

-- Codes written differently by some sources (Công văn 1027/CTK-CSCL vs the GSO service), by date.
CREATE TABLE unit_code_alias (
  level      text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  alias_code text NOT NULL,
  code       text NOT NULL,
  valid_from date NOT NULL,
  valid_to   date,
  source     text NOT NULL,
  PRIMARY KEY (level, alias_code, valid_from)
);

-- Other spellings of a unit version's name (searchable, not displayed).
CREATE TABLE unit_name_alias (
  unit_id text NOT NULL REFERENCES admin_unit (id),
  alias   text NOT NULL,
  kind    text NOT NULL,
  source  text NOT NULL,
  PRIMARY KEY (unit_id, alias)
);

-- Regions: the 8 geographic regions of the code list and the 6 statistical regions of the review.
CREATE TABLE region (
  id       text PRIMARY KEY,
  scheme   text NOT NULL CHECK (scheme IN ('vung8', 'vung6')),
  code     text NOT NULL,
  name     text NOT NULL,
  verified boolean NOT NULL,
  source   text NOT NULL,
  UNIQUE (scheme, code)
);

-- Which province version belongs to which region, over time; derived = computed here, not from a source.
CREATE TABLE region_member (
  region_id  text NOT NULL REFERENCES region (id),
  unit_id    text NOT NULL REFERENCES admin_unit (id),
  valid_from date NOT NULL,
  valid_to   date,
  derived    boolean NOT NULL,
  note       text,
  PRIMARY KEY (region_id, unit_id)
);
CREATE INDEX region_member_unit_idx ON region_member (unit_id);

ALTER TABLE agency ADD COLUMN note text;               -- what is unverified about this agency, and why
