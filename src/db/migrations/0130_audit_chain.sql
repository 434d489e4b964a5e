-- Tamper-evident audit trail: each row carries the hash of the previous row and a hash over that
-- and its own content. The chain order (chain_seq) is given under a transaction-level advisory lock,
-- so concurrent writers on PostgreSQL take turns and every row links to the one committed before it.
-- A row changed, removed or inserted with the triggers disabled breaks the chain: `giamngheo audit verify`.

ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN row_hash text;
CREATE UNIQUE INDEX audit_log_chain_seq_idx ON audit_log (chain_seq);

-- The hashed content of a row: every column but the chain itself, as canonical jsonb text
-- (the time in UTC to the microsecond, whatever the session's time zone).
CREATE FUNCTION audit_log_content(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(a.id, a.chain_seq, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.actor_user_id, a.actor_name,
    a.action, a.entity, a.entity_id, a.unit_id, a.agency_id, a.before, a.after, a.request_id)::text
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(727130);
  SELECT chain_seq, row_hash INTO last FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
  NEW.prev_hash := last.row_hash;
  NEW.row_hash := encode(sha256(convert_to(coalesce(NEW.prev_hash, '') || audit_log_content(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

-- Rows written before this migration are chained in id order.
DO $$
DECLARE
  r audit_log;
  prev text := NULL;
  seq bigint := 0;
BEGIN
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.row_hash := encode(sha256(convert_to(coalesce(prev, '') || audit_log_content(r), 'UTF8')), 'hex');
    UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
    prev := r.row_hash;
  END LOOP;
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
