-- Notifications: a tenant's channels (e-mail, Slack, Teams, Discord, operational webhooks) and an
-- outbox of notices, written in the same statement as the issue change they tell of and sent by
-- whichever worker leases them first; auto-disable after days without a success.

-- deliveries going dead, grouped per destination, are an issue too
ALTER TABLE issue DROP CONSTRAINT issue_kind_check;
ALTER TABLE issue ADD CONSTRAINT issue_kind_check
	CHECK (kind IN ('destination-disabled', 'destination-failing', 'source-rejecting', 'deliveries-dead'));

-- a destination failing without a single success this long is switched off (default 5 days)
ALTER TABLE destination ADD COLUMN disable_after_seconds integer NOT NULL DEFAULT 432000
	CHECK (disable_after_seconds BETWEEN 3600 AND 2592000);
-- when it was last switched on: failures before it do not count towards disable-after again
ALTER TABLE destination ADD COLUMN enabled_at timestamptz;

CREATE TABLE notification_channel (
	tenant_id       uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id              uuid        NOT NULL,
	type            text        NOT NULL CHECK (type IN ('email', 'slack', 'teams', 'discord', 'webhook')),
	name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	-- an e-mail address, or the incoming-webhook / receiver URL
	target          text        NOT NULL CHECK (length(target) BETWEEN 3 AND 2048),
	-- issue.opened, issue.resolved, destination.disabled, destination.recovered, delivery.dead,
	-- source.rejecting
	event_types     text[]      NOT NULL CHECK (cardinality(event_types) > 0),
	-- sealed whsec_… secret of an operational webhook; NULL for the other types
	signing_secret  bytea,
	created_at      timestamptz NOT NULL DEFAULT now(),
	updated_at      timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	CHECK ((type = 'webhook') = (signing_secret IS NOT NULL))
);

CREATE TABLE notice (
	tenant_id        uuid        NOT NULL,
	id               uuid        NOT NULL,
	channel_id       uuid        NOT NULL,
	-- the most specific event type (destination.disabled rather than issue.opened), or notice.test
	event_type       text        NOT NULL,
	-- opened, resolved, updated (an update, sent in a digest) or test
	change           text        NOT NULL CHECK (change IN ('opened', 'resolved', 'updated', 'test')),
	-- what it tells: the issue as it was changed, or for a digest {"items": [...]} of updates
	content          jsonb       NOT NULL,
	digest           boolean     NOT NULL DEFAULT false,
	-- pending: due at next_attempt_at; leased: a worker sends it until next_attempt_at (its lease),
	-- after which another may take it; sent and failed are final
	status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'leased', 'sent', 'failed')),
	attempt_count    integer     NOT NULL DEFAULT 0,
	next_attempt_at  timestamptz NOT NULL DEFAULT now(),
	lease_owner      text,
	last_error       text,
	created_at       timestamptz NOT NULL DEFAULT now(),
	sent_at          timestamptz,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, channel_id) REFERENCES notification_channel (tenant_id, id) ON DELETE CASCADE
);
-- the outbox: due and expired-lease notices, oldest first, across tenants
CREATE INDEX notice_due ON notice (next_attempt_at, tenant_id) WHERE status IN ('pending', 'leased');
-- a channel's notices, newest first (and the last digest it was sent)
CREATE INDEX notice_by_channel ON notice (tenant_id, channel_id, id);
-- updates wait in one digest per channel until it is due
CREATE UNIQUE INDEX notice_open_digest ON notice (tenant_id, channel_id) WHERE digest AND status = 'pending';
-- deliveries that went dead lately, for the deliveries-dead issue
CREATE INDEX delivery_dead_recent ON delivery (finished_at, tenant_id) WHERE status = 'dead';
