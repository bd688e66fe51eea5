-- Integration keys an administrator makes (and rotates) on the hub, besides those from the environment and the demo key.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_source_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_source_check CHECK (source IN ('env', 'demo', 'admin'));
