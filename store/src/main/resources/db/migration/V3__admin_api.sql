-- The admin API (issue 5): a role bound to several groups, local users' passwords, the entries an
-- import run was asked for, and what the user filters and the role tree look up.

-- A role may be bound to groups of several profiles (the same "Sales" in AD and in the HR file).
-- Replaces role.bound_group_id; the existing bindings move over.
CREATE TABLE role_group (
  role_id   UUID NOT NULL,
  group_id  UUID NOT NULL,
  PRIMARY KEY (role_id, group_id)
);
CREATE INDEX role_group_group_ix ON role_group (group_id);
INSERT INTO role_group (role_id, group_id)
  SELECT id, bound_group_id FROM role WHERE bound_group_id IS NOT NULL;
DROP INDEX role_bound_group_ix;
ALTER TABLE role DROP COLUMN bound_group_id;
CREATE INDEX role_parent_ix ON role (parent_id);

-- A local (non-synced) user's password hash (PasswordHasher's format). Synced users have none:
-- their directory verifies them.
CREATE TABLE local_password (
  user_id        UUID PRIMARY KEY,
  password_hash  VARCHAR NOT NULL,
  changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What an IMPORT run reads and applies. external_ids and role_ids: JSON arrays of strings.
CREATE TABLE import_selection (
  run_id        UUID PRIMARY KEY,
  external_ids  VARCHAR NOT NULL,
  enable_users  BOOLEAN NOT NULL,
  role_ids      VARCHAR NOT NULL
);

-- Who excluded an object from the sync, and when (NULL for exclusions made before this version).
ALTER TABLE exclusion ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exclusion ADD COLUMN created_by VARCHAR;
