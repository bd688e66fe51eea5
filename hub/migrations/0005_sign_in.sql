-- Sessions get an id a person can see and sign out (the token hash stays secret to the hub).
ALTER TABLE sessions ADD COLUMN id text;
UPDATE sessions SET id = gen_random_uuid()::text;
ALTER TABLE sessions ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX sessions_id ON sessions (id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- A password someone else set (first administrator, reset by an administrator) is changed at the next sign-in.
ALTER TABLE credentials ADD COLUMN must_change boolean NOT NULL DEFAULT false;

-- Failed sign-ins, kept in the database so a restart forgets nothing and every hub process sees them:
-- per account and address (that pair waits, the real user elsewhere does not), per address over all
-- accounts (username '*': spraying one guess per user), per account over all addresses (slows down).
CREATE TABLE signin_failures (
  username      text        NOT NULL,
  address       text        NOT NULL,
  failures      integer     NOT NULL,
  first_at      timestamptz NOT NULL,
  last_at       timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (username, address)
);
CREATE INDEX signin_failures_last ON signin_failures (last_at);

-- Request counts of @fastify/rate-limit, per key and window.
CREATE TABLE rate_limits (
  key      text        PRIMARY KEY,
  count    integer     NOT NULL,
  reset_at timestamptz NOT NULL
);
