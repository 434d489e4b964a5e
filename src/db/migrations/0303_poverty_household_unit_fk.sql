-- Import speed (issue 4): one foreign-key check per household instead of two. The household's
-- commune and province are checked together against the commune's own row of admin_unit
-- (commune_id, province_id) → admin_unit (id, province_id): the commune exists, the province exists
-- (admin_unit.province_id references admin_unit), and — stronger than before — the household's
-- province is the commune's province. The unique index on admin_unit only serves this reference
-- (id is already the primary key).
CREATE UNIQUE INDEX admin_unit_id_province_idx ON admin_unit (id, province_id);

ALTER TABLE poverty_household DROP CONSTRAINT poverty_household_province_id_fkey;
ALTER TABLE poverty_household DROP CONSTRAINT poverty_household_commune_id_fkey;
ALTER TABLE poverty_household ADD CONSTRAINT poverty_household_commune_fkey
  FOREIGN KEY (commune_id, province_id) REFERENCES admin_unit (id, province_id);
