-- The data spine: every synced row, its version, who may see it, and the
-- bookkeeping that makes every pushed mutation apply exactly once.

-- One sequence orders every change. Writers take a transaction-level advisory
-- lock before drawing from it, so versions commit in the order they are drawn
-- and a pull never skips a row that commits late.
CREATE SEQUENCE change_seq;

-- Every synced row of every entity. `customer_id` says whose history it is
-- (null: the directory and scripts, which everyone syncs).
CREATE TABLE entities (
  entity      text    NOT NULL,
  id          text    NOT NULL,
  customer_id text,
  version     bigint  NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  data        jsonb   NOT NULL,
  PRIMARY KEY (entity, id)
);
CREATE INDEX entities_global_version ON entities (version) WHERE customer_id IS NULL;
CREATE INDEX entities_customer_version ON entities (customer_id, version) WHERE customer_id IS NOT NULL;

-- Whose desktops hold which customers' histories. A customer enters a
-- person's scope (at `seq`, a version from change_seq) when a contact for
-- them lands in a queue of one of the person's teams, when the person handles
-- their contact or owns their follow-up, or when the person opens them.
CREATE TABLE user_scope (
  user_id     text   NOT NULL,
  customer_id text   NOT NULL,
  seq         bigint NOT NULL,
  PRIMARY KEY (user_id, customer_id)
);
CREATE INDEX user_scope_seq ON user_scope (user_id, seq);

-- Sign-in. Passwords are scrypt hashes; the user's public row is in entities.
CREATE TABLE credentials (
  user_id       text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens, stored as SHA-256 hashes; they expire.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL DEFAULT now(),
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Each desktop (a client) and the last of its mutations the hub has taken.
CREATE TABLE clients (
  client_id        text PRIMARY KEY,
  user_id          text NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now()
);

-- Every mutation taken, with its outcome: a replay answers from here.
CREATE TABLE mutations (
  client_id  text   NOT NULL,
  id         bigint NOT NULL,
  user_id    text   NOT NULL,
  name       text   NOT NULL,
  args       jsonb  NOT NULL,
  made_at    bigint NOT NULL,
  applied_at bigint NOT NULL,
  -- Position in the hub's order of application (drawn from change_seq under the write lock).
  seq        bigint NOT NULL,
  status     text   NOT NULL CHECK (status IN ('applied', 'rejected')),
  code       text,
  message    text,
  PRIMARY KEY (client_id, id)
);

-- Cursors below this were compacted away: such clients start over.
INSERT INTO hub_meta (key, value) VALUES ('min_cursor', '0');
