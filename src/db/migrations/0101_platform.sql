-- Platform: administrative units over time, agencies, accounts, sessions, audit trail.
-- Small code tables (admin_unit, unit_lineage, agency) would be Citus reference tables.

-- A version of an administrative unit. Codes are reused after the 2025 reform, so a code
-- alone is not an identity: the id is '<level initial>:<code>:<valid_from>'.
CREATE TABLE admin_unit (
  id          text PRIMARY KEY,
  code        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  unit_type   text NOT NULL,
  name        text NOT NULL,
  full_name   text NOT NULL,
  name_en     text,
  search_key  text NOT NULL,            -- foldVietnamese(full_name + name): search without diacritics
  parent_id   text REFERENCES admin_unit (id),
  province_id text REFERENCES admin_unit (id),   -- the province version this unit belongs to (itself for a province)
  valid_from  date NOT NULL,
  valid_to    date,                      -- exclusive; NULL while in force
  legal_basis text,
  source      text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_unit_level_idx ON admin_unit (level, valid_from, valid_to);
CREATE INDEX admin_unit_code_idx ON admin_unit (code);
CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_id);

-- Lineage between unit versions: what an old unit became.
CREATE TABLE unit_lineage (
  id           bigserial PRIMARY KEY,
  from_unit_id text NOT NULL REFERENCES admin_unit (id),
  to_unit_id   text NOT NULL REFERENCES admin_unit (id),
  relation     text NOT NULL CHECK (relation IN ('full', 'partial')),
  effective    date NOT NULL,
  legal_basis  text,
  weight       numeric,                  -- share of a partial split, when known
  qa_flag      text,                     -- e.g. 'SUSPECT'
  resolved     boolean NOT NULL DEFAULT true,  -- false: must not be used until corrected
  note         text,
  UNIQUE (from_unit_id, to_unit_id)
);
CREATE INDEX unit_lineage_to_idx ON unit_lineage (to_unit_id);

-- Agencies: ministries, central agencies, People's Committees and their departments, over time.
CREATE TABLE agency (
  id           text PRIMARY KEY,
  code         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('government', 'ministry', 'central_agency', 'people_committee', 'department', 'other')),
  name         text NOT NULL,
  short_name   text,
  name_en      text,
  search_key   text NOT NULL,
  parent_id    text REFERENCES agency (id),
  unit_id      text REFERENCES admin_unit (id),   -- territory of a local agency
  valid_from   date NOT NULL,
  valid_to     date,
  successor_id text REFERENCES agency (id),       -- who took over its mandate
  legal_basis  text,
  source       text,
  verified     boolean NOT NULL DEFAULT false
);
CREATE INDEX agency_unit_idx ON agency (unit_id);

CREATE TABLE app_user (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  email         text,
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- A role granted on an agency and/or a unit.
CREATE TABLE user_grant (
  id         bigserial PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer', 'commune_officer')),
  agency_id  text REFERENCES agency (id),
  unit_id    text REFERENCES admin_unit (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('province_officer', 'commune_officer') OR unit_id IS NOT NULL),
  CHECK (role <> 'ministry_lead' OR agency_id IS NOT NULL)
);
CREATE INDEX user_grant_user_idx ON user_grant (user_id);

CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,          -- sha256 of the cookie value; the token itself is never stored
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);

-- Audit trail: written in the same transaction as the change; never updated or deleted.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint,
  actor_name    text NOT NULL,
  action        text NOT NULL,
  entity        text NOT NULL,
  entity_id     text,
  unit_id       text,
  agency_id     text,
  before        jsonb,
  after         jsonb,
  request_id    text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
