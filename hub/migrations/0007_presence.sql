-- A person's presence becomes a row of its own (entity 'presence', id = the
-- person's user id). In the user row it went to every desktop, and every
-- change woke every desktop; now it goes to its owner and the supervisors and
-- admins who share a team with them. `customer_id` holds a scope key: a
-- customer's id, or 'person:<user id>' for a person's own rows; user_scope
-- holds the same keys.

-- Versions and scope entries are drawn from change_seq: under the writers' lock
-- (hub/sync/store.ts WRITE_LOCK), so they commit in order with any hub process
-- of the previous release still writing to this database.
SELECT pg_advisory_xact_lock(48700002);

-- Each person's presence, as their user row had it.
INSERT INTO entities (entity, id, customer_id, version, deleted, data)
SELECT 'presence', u.id, 'person:' || u.id, nextval('change_seq'), false,
       jsonb_build_object(
         'id', u.id,
         'presence', coalesce(u.data->'presence', '"offline"'::jsonb),
         'presenceAt', coalesce(u.data->'presenceAt', '0'::jsonb),
         'idleSince', coalesce(u.data->'idleSince', 'null'::jsonb))
  FROM entities u
 WHERE u.entity = 'user' AND NOT u.deleted
 ORDER BY u.id
ON CONFLICT (entity, id) DO NOTHING;

-- User rows without it, at new versions: every desktop pulls the new shape.
UPDATE entities
   SET data = data - 'presence' - 'presenceAt' - 'idleSince', version = nextval('change_seq')
 WHERE entity = 'user' AND (data ? 'presence' OR data ? 'presenceAt' OR data ? 'idleSince');

-- Who holds whose presence: everyone their own; supervisors and admins that of
-- everyone who shares a team with them. Entering scope now, each key's row
-- reaches those desktops on their next pull.
INSERT INTO user_scope (user_id, customer_id, seq)
SELECT h.holder, 'person:' || h.person, nextval('change_seq')
  FROM (SELECT u.id AS holder, u.id AS person
          FROM entities u
         WHERE u.entity = 'user' AND NOT u.deleted
        UNION
        SELECT s.id, u.id
          FROM entities s, entities u
         WHERE u.entity = 'user' AND NOT u.deleted
           AND s.entity = 'user' AND NOT s.deleted AND s.id <> u.id
           AND s.data->>'role' IN ('supervisor', 'admin')
           AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(u.data->'teamIds') t WHERE s.data->'teamIds' @> jsonb_build_array(t))
         ORDER BY 1, 2) h
ON CONFLICT (user_id, customer_id) DO NOTHING;

-- Routing reads the people who are available, at every offer pass.
CREATE INDEX entities_available ON entities (id) WHERE entity = 'presence' AND (data->>'presence') = 'available';
