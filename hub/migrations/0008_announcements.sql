-- Every write transaction now announces what it wrote (hub/sync/announce.ts) and moves the head:
-- the version its announcement ends at. Writers commit in version order under the write lock,
-- so a snapshot that sees the head sees every write up to it.
INSERT INTO hub_meta (key, value)
SELECT 'head', (CASE WHEN is_called THEN last_value ELSE 0 END)::text FROM change_seq
ON CONFLICT (key) DO NOTHING;

-- An announcement reads the rows and scope entries of its version range, and who holds those customers.
CREATE INDEX entities_version ON entities (version);
CREATE INDEX user_scope_by_seq ON user_scope (seq);
CREATE INDEX user_scope_customer ON user_scope (customer_id);

-- Who is in a team (a queue item's scope, a person's teammates and supervisors), asked under the write lock.
CREATE INDEX entities_user_teams ON entities USING gin ((data->'teamIds') jsonb_path_ops) WHERE entity = 'user';
