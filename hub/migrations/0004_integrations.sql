-- Integrations (telephony, chat and email gateways) post contacts with API
-- keys. Keys are stored only as SHA-256 hashes. They come from the hub's
-- environment (AGENTDESK_INTEGRATION_KEYS, source 'env': listed keys are
-- active, keys no longer listed are revoked at the next start) and, on a hub
-- with demo data, the demo key (source 'demo').
CREATE TABLE api_keys (
  key_hash     text PRIMARY KEY,
  name         text NOT NULL,
  source       text NOT NULL CHECK (source IN ('env', 'demo')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
-- One active key per name: a new key under a name replaces the old one.
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;

-- Idempotent ingestion: the contact an integration's externalId became.
-- Posting the same externalId again answers with that contact.
CREATE TABLE ingested_contacts (
  external_id      text PRIMARY KEY,
  contact_id       text NOT NULL,
  customer_created boolean NOT NULL,
  api_key_name     text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Matching an inbound contact to its customer without scanning every
-- customer: by email (stored lower-case), by phone (stored normalised:
-- + and digits), by social handle (a customer attribute).
CREATE INDEX entities_customer_emails ON entities USING gin ((data->'emails') jsonb_path_ops)
  WHERE entity = 'customer';
CREATE INDEX entities_customer_phones ON entities USING gin ((data->'phones') jsonb_path_ops)
  WHERE entity = 'customer';
CREATE INDEX entities_customer_social_handle ON entities ((lower(data->'attributes'->>'socialHandle')))
  WHERE entity = 'customer' AND lower(data->'attributes'->>'socialHandle') IS NOT NULL;
