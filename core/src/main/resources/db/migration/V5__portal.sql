-- Portal invitations: a one-time link an owner or admin hands to a new team member. Only a
-- hash of the link's secret is stored; the link names the tenant and the invitation, so it
-- is found by its key.
CREATE TABLE invitation (
	tenant_id    uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id           uuid        NOT NULL,
	email        text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
	role         text        NOT NULL CHECK (role IN ('owner', 'admin', 'viewer')),
	secret_hash  bytea       NOT NULL,
	invited_by   uuid        NOT NULL,
	created_at   timestamptz NOT NULL DEFAULT now(),
	expires_at   timestamptz NOT NULL,
	accepted_at  timestamptz,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, invited_by) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
