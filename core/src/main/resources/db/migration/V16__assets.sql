-- Assets: files a payload links to with links that expire (Minari's recording and transcript),
-- fetched by a worker into the asset store as soon as the event is stored. One row per event and
-- field; the source link is a bearer secret (anyone holding it downloads the file), so it is kept
-- sealed with the master key, like every other secret, and never logged.
CREATE TABLE asset (
	tenant_id        uuid        NOT NULL,
	id               uuid        NOT NULL,
	event_id         uuid        NOT NULL,
	-- the JSON pointer of the payload field that holds the link, such as /call/recording_url
	field            text        NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
	source_url       bytea       NOT NULL,
	status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'archived', 'failed')),
	-- why it failed (expired, not-found, too-large, timeout, refused, http-<status>, error) and the last problem
	reason           text,
	detail           text,
	content_type     text,
	bytes            bigint,
	sha256           text,
	-- where the store keeps the sealed bytes: <tenant>/<event>/<asset>
	storage_key      text,
	attempts         int         NOT NULL DEFAULT 0,
	next_attempt_at  timestamptz NOT NULL DEFAULT now(),
	-- the source link's own expiry (its expires= parameter), after which fetching is pointless
	expires_at       timestamptz NOT NULL,
	leased_by        uuid,
	leased_until     timestamptz,
	created_at       timestamptz NOT NULL DEFAULT now(),
	archived_at      timestamptz,
	PRIMARY KEY (tenant_id, id),
	UNIQUE (tenant_id, event_id, field),
	FOREIGN KEY (tenant_id, event_id) REFERENCES event (tenant_id, id) ON DELETE CASCADE
);
-- what the fetch lease reads: the tenants with pending assets, and each one's next due
CREATE INDEX asset_due ON asset (tenant_id, next_attempt_at) WHERE status = 'pending';
-- A source says whether it archives the assets its payloads link to, and which fields hold them.
ALTER TABLE source ADD COLUMN archive_assets boolean NOT NULL DEFAULT false;
ALTER TABLE source ADD COLUMN asset_fields text[] NOT NULL DEFAULT '{}';
-- Minari's recordings and transcripts are archived unless a tenant turns it off.
UPDATE source SET archive_assets = true, asset_fields = ARRAY['/call/recording_url', '/call/transcript_url']
WHERE provider = 'minari';
-- A destination receives the original links, Switchboard's archived links, or both.
ALTER TABLE destination ADD COLUMN asset_links text NOT NULL DEFAULT 'original'
	CHECK (asset_links IN ('original', 'archived', 'both'));
