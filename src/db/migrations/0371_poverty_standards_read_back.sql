-- The poverty standards are no longer a mirror: the classification reads its catalog back from these
-- tables (loaded from reference/poverty/standards.json, or a standard added as data). What the data holds
-- must survive the round trip: the order of the indicators, the sources of every value, the B1 item tables.
ALTER TABLE poverty_indicator ADD COLUMN seq int NOT NULL DEFAULT 0;
ALTER TABLE poverty_indicator ADD COLUMN sources jsonb NOT NULL DEFAULT '[]';
ALTER TABLE poverty_standard_application ADD COLUMN sources text[] NOT NULL DEFAULT '{}';

CREATE TABLE poverty_item_table (
  id          text PRIMARY KEY,
  standard_id text NOT NULL REFERENCES poverty_standard (id),
  definition  jsonb NOT NULL            -- area, base points, item → answer → points, citation, status
);

-- GET /api/poverty/standards is now a reference answer read from these tables: a change bumps the
-- reference version, so the server's snapshot of that answer is dropped (see 0250_reference_version.sql).
CREATE TRIGGER poverty_standard_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON poverty_standard FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER poverty_indicator_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON poverty_indicator FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER poverty_standard_application_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON poverty_standard_application FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER poverty_item_table_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON poverty_item_table FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
