-- Issues: one place that says what is wrong with a tenant's relay, why, since when and what it
-- affects, opened and resolved by the worker's scan; at most one unresolved issue per resource
-- and kind, however many workers scan.
CREATE TABLE issue (
	tenant_id        uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
	id               uuid        NOT NULL,
	kind             text        NOT NULL
		CHECK (kind IN ('destination-disabled', 'destination-failing', 'source-rejecting')),
	resource_type    text        NOT NULL CHECK (resource_type IN ('destination', 'source')),
	resource_id      uuid        NOT NULL,
	status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
	summary          text        NOT NULL,
	evidence         jsonb       NOT NULL DEFAULT '{}',
	opened_at        timestamptz NOT NULL DEFAULT now(),
	updated_at       timestamptz NOT NULL DEFAULT now(),
	acknowledged_at  timestamptz,
	acknowledged_by  text,
	resolved_at      timestamptz,
	resolution       text,
	PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX issue_unresolved ON issue (tenant_id, kind, resource_id) WHERE status <> 'resolved';
CREATE INDEX issue_by_status ON issue (tenant_id, status, id);
-- what the scan reads: switched-off destinations, open circuits, recent refusals
CREATE INDEX destination_off ON destination (tenant_id) WHERE NOT enabled AND deleted_at IS NULL;
CREATE INDEX destination_circuit_open ON destination (tenant_id) WHERE circuit_state = 'open';
CREATE INDEX inbound_rejection_recent ON inbound_rejection (received_at, tenant_id);
