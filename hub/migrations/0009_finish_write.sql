-- A write's last statement, one round trip (hub/sync/store.ts): take the write lock unless the
-- write already holds it, give the rows and scope entries it wrote their final versions (in
-- commit order: the lock is held until commit), move the head and announce the range
-- (hub/sync/announce.ts passes the announcement's query, run with the range's bounds as
-- parameters so the planner sees how narrow it is). Answers the new head, and how long the
-- lock was waited for and then held so far (for /metrics).
CREATE FUNCTION agentdesk_finish_write(
  write_lock bigint, versions bigint[], seqs bigint[], announcement text, channel text, max_payload integer,
  OUT head bigint, OUT waited_ms double precision, OUT held_ms double precision)
LANGUAGE plpgsql AS $$
DECLARE
  asked timestamptz := clock_timestamp();
  taken timestamptz;
  previous bigint;
  payload text;
BEGIN
  IF write_lock IS NOT NULL THEN
    -- A rows write limits its waits for rows (ROW_LOCK_TIMEOUT); the write lock is waited for as long as it takes.
    PERFORM set_config('lock_timeout', '0', true);
    PERFORM pg_advisory_xact_lock(write_lock);
  END IF;
  taken := clock_timestamp();
  IF cardinality(versions) > 0 THEN
    UPDATE entities SET version = nextval('change_seq') WHERE version = ANY (versions);
  END IF;
  IF cardinality(seqs) > 0 THEN
    UPDATE user_scope SET seq = nextval('change_seq') WHERE seq = ANY (seqs);
  END IF;
  SELECT value::bigint INTO previous FROM hub_meta WHERE key = 'head';
  IF previous IS NULL THEN
    RAISE EXCEPTION 'This hub database has no head: migration 0008 has not run';
  END IF;
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO head FROM change_seq;
  UPDATE hub_meta SET value = head::text WHERE key = 'head';
  EXECUTE announcement INTO payload USING previous, head;
  IF octet_length(payload) > max_payload THEN
    payload := json_build_object('p', previous, 't', head, 'fetch', true)::text;
  END IF;
  PERFORM pg_notify(channel, payload);
  waited_ms := extract(epoch FROM taken - asked) * 1000;
  held_ms := extract(epoch FROM clock_timestamp() - taken) * 1000;
END
$$;
