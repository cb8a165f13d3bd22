-- Work that takes longer than a request: a bulk replay walks its deliveries in small
-- batches, each in a transaction of its own, and reports progress; a destination's test
-- send is made by a worker (which owns the egress guard and the signer) while the API waits.
-- Workers claim jobs with a lease, like deliveries, so a crashed worker's job is resumed.
CREATE TABLE job (
	tenant_id         uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id                uuid        NOT NULL,
	kind              text        NOT NULL CHECK (kind IN ('replay', 'destination-test')),
	status            text        NOT NULL DEFAULT 'queued'
		CHECK (status IN ('queued', 'running', 'finished', 'failed')),
	-- What to do: the replay's filter, the destination to test.
	params            jsonb       NOT NULL DEFAULT '{}',
	-- Progress: deliveries to handle, replayed, and skipped (no longer finished when reached).
	total             bigint      NOT NULL DEFAULT 0 CHECK (total >= 0),
	done              bigint      NOT NULL DEFAULT 0 CHECK (done >= 0),
	failed            bigint      NOT NULL DEFAULT 0 CHECK (failed >= 0),
	-- A replay walks deliveries newest first below this id; it starts at the job's own id,
	-- so deliveries made after the job was created are not part of it.
	cursor_id         uuid,
	-- What came of it: the test send's attempt.
	result            jsonb,
	error             text,
	created_by        text        NOT NULL,
	lease_owner       text,
	lease_expires_at  timestamptz,
	created_at        timestamptz NOT NULL DEFAULT now(),
	started_at        timestamptz,
	finished_at       timestamptz,
	updated_at        timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id)
);
-- Jobs waiting for a worker, oldest first, across tenants.
CREATE INDEX job_open ON job (kind, created_at, tenant_id) WHERE status IN ('queued', 'running');

-- The circuit breaker state workers last reported for a destination (each worker keeps its
-- own breaker; the latest transition wins), for the API and the portal.
ALTER TABLE destination
	ADD COLUMN circuit_state text NOT NULL DEFAULT 'closed' CHECK (circuit_state IN ('closed', 'open', 'half-open')),
	ADD COLUMN circuit_changed_at timestamptz;
