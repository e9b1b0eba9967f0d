-- Admins' API tokens (issue 5). Only the SHA-256 of each token's secret is kept (hex, 64
-- characters); hint is the secret's first characters, to recognise a token in a list. roles:
-- comma-separated AdminRole names. No foreign key to admin_account (see V1): deleting an admin
-- deletes its tokens in the same transaction.
CREATE TABLE api_token (
  id            UUID PRIMARY KEY,
  token_hash    VARCHAR(64) NOT NULL,
  name          VARCHAR NOT NULL,
  owner         VARCHAR NOT NULL,
  roles         VARCHAR NOT NULL,
  hint          VARCHAR NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_token_owner_ix ON api_token (owner, created_at);
