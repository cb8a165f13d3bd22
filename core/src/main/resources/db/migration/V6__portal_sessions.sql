-- The portal's sessions, kept in the database so that a restart, a deploy or another ui
-- replica keeps people signed in (no sticky sessions). The id is the secret in the cookie;
-- the attributes are the serialized session map: who is signed in (tenant and user ids) and
-- the CSRF token, never a password or a secret of the tenant's.
CREATE TABLE portal_session (
	id                   text        PRIMARY KEY,
	attributes           bytea       NOT NULL,
	created_at           timestamptz NOT NULL,
	last_accessed_at     timestamptz NOT NULL,
	max_inactive_seconds integer     NOT NULL,
	expires_at           timestamptz NOT NULL
);

CREATE INDEX portal_session_expiry ON portal_session (expires_at);
