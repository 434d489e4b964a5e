-- A version counter of the poverty figures (aggregates, review approvals, published results, resident
-- households). The results area's tables are created by later migrations; their few rows are
-- fingerprinted when the version is read instead (src/modules/reference/repo.ts). The server
-- keeps the answers of the public page, the poverty summary and the national overview in an
-- in-process snapshot and drops it when this counter has moved, as it does for reference data.
--
-- Imports and approvals run concurrently, so the counter is bumped by a deferred trigger: the row is
-- updated at commit, once per transaction (xact), and its lock is held only while that transaction
-- commits, never while it works. A reader never waits for it (readers do not lock).
CREATE TABLE figures_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint  NOT NULL,
  xact    bigint
);
INSERT INTO figures_version (id, version) VALUES (true, 1);

CREATE FUNCTION bump_figures_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figures_version SET version = version + 1, xact = txid_current()
   WHERE xact IS DISTINCT FROM txid_current();
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER poverty_aggregate_figures_version AFTER INSERT OR UPDATE OR DELETE ON poverty_aggregate DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_figures_version();
CREATE CONSTRAINT TRIGGER poverty_commune_review_figures_version AFTER INSERT OR UPDATE OR DELETE ON poverty_commune_review DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_figures_version();
CREATE CONSTRAINT TRIGGER poverty_published_figures_version AFTER INSERT OR UPDATE OR DELETE ON poverty_published DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_figures_version();
CREATE CONSTRAINT TRIGGER poverty_resident_households_figures_version AFTER INSERT OR UPDATE OR DELETE ON poverty_resident_households DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_figures_version();
