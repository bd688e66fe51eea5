-- A rejection's message id and values, so a desktop says it in the agent's language
-- (the English stays in `message` for older desktops and API callers).
ALTER TABLE mutations ADD COLUMN message_id text, ADD COLUMN message_values jsonb;
