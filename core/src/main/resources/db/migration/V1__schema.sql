-- Switchboard schema, version 1.
--
-- Every table carries tenant_id and every primary key, foreign key and index includes it, so a
-- query can always be scoped to one tenant and the largest installations can distribute the
-- tables by tenant_id (Citus). Keys are UUIDv7 made by the application: time-ordered, so a
-- primary key scan is also a newest-first history and the id is the pagination cursor.
-- Secrets are stored sealed (AES-256-GCM, see SecretCipher), never in clear.

CREATE TABLE tenant (
	tenant_id       uuid        PRIMARY KEY,
	name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	retention_days  integer     CHECK (retention_days > 0),
	created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
	tenant_id        uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id               uuid        NOT NULL,
	email            text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
	password_hash    text        NOT NULL,
	role             text        NOT NULL CHECK (role IN ('owner', 'admin', 'viewer')),
	created_at       timestamptz NOT NULL DEFAULT now(),
	last_sign_in_at  timestamptz,
	PRIMARY KEY (tenant_id, id)
);
-- Sign-in knows only the email: it is unique in the installation and leads to the tenant.
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email)) INCLUDE (tenant_id);

CREATE TABLE source (
	tenant_id                    uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id                           uuid        NOT NULL,
	name                         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	provider                     text        NOT NULL
		CHECK (provider IN ('minivoice', 'minari', 'standard-webhooks', 'hmac')),
	-- The unguessable token in the inbound URL /in/{token}; shown to the tenant, so stored as is.
	inbound_token                text        NOT NULL CHECK (length(inbound_token) >= 22),
	-- Sealed signing secret; NULL only for an unsigned MiniVoice source.
	secret                       bytea,
	-- During rotation the previous secret still verifies until it expires.
	previous_secret              bytea,
	previous_secret_expires_at   timestamptz,
	timestamp_tolerance_seconds  integer     NOT NULL DEFAULT 300 CHECK (timestamp_tolerance_seconds > 0),
	max_body_bytes               integer     NOT NULL DEFAULT 1048576 CHECK (max_body_bytes > 0),
	-- NULL: the installation's default (switchboard.inbound.rate-limit-per-second).
	rate_limit_per_second        integer     CHECK (rate_limit_per_second > 0),
	-- Generic HMAC senders: which header, algorithm, encoding and prefix.
	hmac_header                  text,
	hmac_algorithm               text        CHECK (hmac_algorithm IN ('sha256', 'sha512')),
	hmac_encoding                text        CHECK (hmac_encoding IN ('hex', 'base64')),
	hmac_prefix                  text,
	enabled                      boolean     NOT NULL DEFAULT true,
	created_at                   timestamptz NOT NULL DEFAULT now(),
	updated_at                   timestamptz NOT NULL DEFAULT now(),
	-- Sources are deleted softly: their events and deliveries stay visible until retention.
	deleted_at                   timestamptz,
	PRIMARY KEY (tenant_id, id),
	CHECK (secret IS NOT NULL OR provider = 'minivoice'),
	CHECK (provider <> 'hmac' OR (hmac_header IS NOT NULL AND hmac_algorithm IS NOT NULL
		AND hmac_encoding IS NOT NULL)),
	CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);
-- POST /in/{token} finds its source, and with it the tenant, by the token alone.
CREATE UNIQUE INDEX source_inbound_token_key ON source (inbound_token) INCLUDE (tenant_id);

CREATE TABLE destination (
	tenant_id                           uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id                                  uuid        NOT NULL,
	name                                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	kind                                text        NOT NULL CHECK (kind IN ('zapier', 'n8n', 'make', 'custom')),
	url                                 text        NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
	signature_style                     text        NOT NULL DEFAULT 'standard-webhooks'
		CHECK (signature_style IN ('standard-webhooks', 'minivoice', 'minari', 'none')),
	payload_format                      text        NOT NULL DEFAULT 'original'
		CHECK (payload_format IN ('original', 'normalized')),
	-- Sealed whsec_… secret; the previous one keeps signing alongside until it expires.
	signing_secret                      bytea       NOT NULL,
	previous_signing_secret             bytea,
	previous_signing_secret_expires_at  timestamptz,
	-- Sealed JSON object of static headers: they often carry the receiver's credentials.
	headers                             bytea,
	-- Delays before the 2nd, 3rd, … attempt; the first is immediate. Default about a day in all.
	retry_delays_ms                     integer[]   NOT NULL
		DEFAULT '{5000,300000,1800000,7200000,18000000,36000000,36000000}',
	timeout_ms                          integer     NOT NULL DEFAULT 10000 CHECK (timeout_ms > 0),
	rate_limit_per_second               integer     CHECK (rate_limit_per_second > 0),
	max_in_flight                       integer     NOT NULL DEFAULT 10 CHECK (max_in_flight > 0),
	enabled                             boolean     NOT NULL DEFAULT true,
	disabled_reason                     text,
	disabled_at                         timestamptz,
	created_at                          timestamptz NOT NULL DEFAULT now(),
	updated_at                          timestamptz NOT NULL DEFAULT now(),
	deleted_at                          timestamptz,
	PRIMARY KEY (tenant_id, id),
	CHECK ((previous_signing_secret IS NULL) = (previous_signing_secret_expires_at IS NULL))
);

CREATE TABLE route (
	tenant_id       uuid        NOT NULL,
	id              uuid        NOT NULL,
	source_id       uuid        NOT NULL,
	destination_id  uuid        NOT NULL,
	-- Filters such as 'call.completed', 'call.*' or '*'.
	event_types     text[]      NOT NULL DEFAULT '{*}' CHECK (cardinality(event_types) > 0),
	ordering        text        NOT NULL DEFAULT 'none' CHECK (ordering IN ('none', 'per-call')),
	enabled         boolean     NOT NULL DEFAULT true,
	created_at      timestamptz NOT NULL DEFAULT now(),
	updated_at      timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, source_id) REFERENCES source (tenant_id, id) ON DELETE CASCADE,
	FOREIGN KEY (tenant_id, destination_id) REFERENCES destination (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX route_by_source ON route (tenant_id, source_id);
CREATE INDEX route_by_destination ON route (tenant_id, destination_id);

CREATE TABLE event (
	tenant_id     uuid        NOT NULL,
	id            uuid        NOT NULL,
	source_id     uuid        NOT NULL,
	-- The provider's identity of the event: a retry of the same event has the same key.
	dedup_key     text        NOT NULL,
	event_type    text,
	call_id       text,
	is_test       boolean     NOT NULL DEFAULT false,
	content_type  text,
	-- The provider headers that matter (signature, timestamp, event id), never our secrets.
	headers       jsonb       NOT NULL DEFAULT '{}',
	-- The raw bytes exactly as received: signatures are over them.
	body          bytea       NOT NULL,
	received_at   timestamptz NOT NULL DEFAULT now(),
	occurred_at   timestamptz,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, source_id) REFERENCES source (tenant_id, id)
);
CREATE UNIQUE INDEX event_dedup_key ON event (tenant_id, source_id, dedup_key);
CREATE INDEX event_by_call ON event (tenant_id, call_id, id) WHERE call_id IS NOT NULL;
CREATE INDEX event_by_source ON event (tenant_id, source_id, id);
CREATE INDEX event_by_type ON event (tenant_id, event_type, id);

CREATE TABLE delivery (
	tenant_id              uuid        NOT NULL,
	id                     uuid        NOT NULL,
	event_id               uuid        NOT NULL,
	-- The route that made it; the route may be deleted later, the delivery stays.
	route_id               uuid        NOT NULL,
	destination_id         uuid        NOT NULL,
	-- Copied from the event and route when the delivery is made, for filters and ordering.
	source_id              uuid        NOT NULL,
	event_type             text,
	call_id                text,
	ordering               text        NOT NULL DEFAULT 'none' CHECK (ordering IN ('none', 'per-call')),
	-- pending: waiting for its first attempt; retrying: an attempt failed, another is due;
	-- leased: a worker holds it; paused: its destination is disabled; delivered and dead are final.
	status                 text        NOT NULL DEFAULT 'pending'
		CHECK (status IN ('pending', 'retrying', 'leased', 'paused', 'delivered', 'dead')),
	attempt_count          integer     NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
	-- A replay starts a new attempt series.
	series                 integer     NOT NULL DEFAULT 1 CHECK (series >= 1),
	next_attempt_at        timestamptz NOT NULL DEFAULT now(),
	lease_owner            text,
	lease_expires_at       timestamptz,
	last_attempt_at        timestamptz,
	last_response_status   integer,
	last_error             text,
	created_at             timestamptz NOT NULL DEFAULT now(),
	updated_at             timestamptz NOT NULL DEFAULT now(),
	finished_at            timestamptz,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, event_id) REFERENCES event (tenant_id, id) ON DELETE CASCADE,
	FOREIGN KEY (tenant_id, destination_id) REFERENCES destination (tenant_id, id),
	CHECK ((status = 'leased') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- The queue: due deliveries, oldest first, across tenants (workers serve them all).
CREATE INDEX delivery_due ON delivery (next_attempt_at, tenant_id) WHERE status IN ('pending', 'retrying');
-- Leases of crashed workers, to take back when they expire.
CREATE INDEX delivery_lease_expiry ON delivery (lease_expires_at, tenant_id) WHERE status = 'leased';
-- History: a tenant's deliveries by status, newest first; and by destination (dead letters).
CREATE INDEX delivery_by_status ON delivery (tenant_id, status, id);
CREATE INDEX delivery_by_destination ON delivery (tenant_id, destination_id, status, id);
CREATE INDEX delivery_by_event ON delivery (tenant_id, event_id);
-- Per-call ordering and the call id filter.
CREATE INDEX delivery_by_call ON delivery (tenant_id, call_id, destination_id, id) WHERE call_id IS NOT NULL;

CREATE TABLE delivery_attempt (
	tenant_id         uuid        NOT NULL,
	id                uuid        NOT NULL,
	-- NULL only for a destination's test send, which belongs to no delivery.
	delivery_id       uuid,
	destination_id    uuid        NOT NULL,
	series            integer     NOT NULL DEFAULT 1,
	attempt_number    integer     NOT NULL CHECK (attempt_number >= 1),
	trigger           text        NOT NULL CHECK (trigger IN ('scheduled', 'manual', 'test')),
	outcome           text        NOT NULL CHECK (outcome IN ('delivered', 'failed')),
	started_at        timestamptz NOT NULL,
	duration_ms       integer     CHECK (duration_ms >= 0),
	request_url       text        NOT NULL,
	-- Headers as sent, signatures and credentials redacted.
	request_headers   jsonb       NOT NULL DEFAULT '{}',
	response_status   integer,
	response_headers  jsonb,
	-- The first 4 KiB of the response body.
	response_body     bytea       CHECK (octet_length(response_body) <= 4096),
	error_class       text,
	error_message     text,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, delivery_id) REFERENCES delivery (tenant_id, id) ON DELETE CASCADE,
	FOREIGN KEY (tenant_id, destination_id) REFERENCES destination (tenant_id, id),
	CHECK (delivery_id IS NOT NULL OR trigger = 'test')
);
CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (tenant_id, delivery_id, id);
CREATE INDEX delivery_attempt_by_destination ON delivery_attempt (tenant_id, destination_id, id);

CREATE TABLE api_token (
	tenant_id     uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	-- Also the JWT's jti: revocation looks it up.
	id            uuid        NOT NULL,
	name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	scopes        text[]      NOT NULL,
	created_by    uuid,
	created_at    timestamptz NOT NULL DEFAULT now(),
	expires_at    timestamptz,
	revoked_at    timestamptz,
	last_used_at  timestamptz,
	PRIMARY KEY (tenant_id, id)
);

CREATE TABLE audit_log (
	tenant_id      uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id             uuid        NOT NULL,
	-- Who: 'usr_…', 'tok_…' or 'system'.
	actor          text        NOT NULL,
	-- What: 'source.created', 'destination.secret-rotated', …
	action         text        NOT NULL,
	resource_type  text        NOT NULL,
	resource_id    text,
	-- The resource before and after, secrets left out.
	before         jsonb,
	after          jsonb,
	created_at     timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id)
);

-- Requests refused at the inbound endpoint: no body, but why, so a tenant can fix the sender.
CREATE TABLE inbound_rejection (
	tenant_id       uuid        NOT NULL,
	id              uuid        NOT NULL,
	source_id       uuid        NOT NULL,
	reason          text        NOT NULL,
	detail          text,
	remote_address  text,
	-- Request headers with signatures and credentials redacted.
	headers         jsonb       NOT NULL DEFAULT '{}',
	received_at     timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, source_id) REFERENCES source (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX inbound_rejection_by_source ON inbound_rejection (tenant_id, source_id, id);
