-- A version counter of the reference data (units, lineage, aliases, regions, agencies and program
-- structure; the poverty standards are served from code). Every statement that changes one of these tables bumps it, whoever
-- runs it (the server, the CLI, a reference-data load, psql); the server's in-process snapshot of
-- reference answers is dropped when the counter it last saw has moved.
CREATE TABLE reference_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint  NOT NULL
);
INSERT INTO reference_version (id, version) VALUES (true, 1);

CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER admin_unit_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER unit_lineage_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_lineage FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER unit_code_alias_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_code_alias FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER unit_name_alias_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_name_alias FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER region_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER region_member_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region_member FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER agency_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER program_phase_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_phase FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER program_target_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_target FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER program_project_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_project FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER program_budget_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_budget FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
