-- Facts about this hub's database itself.
CREATE TABLE hub_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- A stable id for this database: clients that see it change know the hub was recreated.
INSERT INTO hub_meta (key, value) VALUES ('hub_id', gen_random_uuid()::text);
