-- The fair lease takes the next due deliveries of each destination with room: one short
-- index probe per destination with a queue, in due order, so a destination that is blocked
-- (circuit open, in-flight limit reached) is skipped without reading its backlog.
CREATE INDEX delivery_due_by_destination ON delivery (tenant_id, destination_id, next_attempt_at)
	WHERE status IN ('pending', 'retrying');
