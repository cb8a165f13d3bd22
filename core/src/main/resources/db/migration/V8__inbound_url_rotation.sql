-- Rotating a source's inbound URL: the previous token keeps being accepted for an overlap the
-- tenant picks (0 to 24 h), so the sender can be switched over without losing events.
ALTER TABLE source ADD COLUMN previous_inbound_token text CHECK (length(previous_inbound_token) >= 22);
ALTER TABLE source ADD COLUMN previous_inbound_token_expires_at timestamptz;
CREATE INDEX source_previous_inbound_token ON source (previous_inbound_token) INCLUDE (tenant_id)
	WHERE previous_inbound_token IS NOT NULL;
