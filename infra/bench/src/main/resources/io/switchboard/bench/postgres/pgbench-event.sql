-- What one inbound event costs Switchboard's database, one event per transaction: the
-- event (about 1 KiB of body, its headers, time-ordered id, unique dedup key), one delivery,
-- and the notification that wakes the workers. The delivery is due in a hundred years so
-- that the running worker leaves it alone; it still enters the queue's index as a real one.
BEGIN;
INSERT INTO event (tenant_id, id, source_id, dedup_key, event_type, call_id, is_test, content_type, headers, body,
	occurred_at)
VALUES (CAST(:tenant AS uuid),
	CAST(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
		|| substr(md5(random()::text), 1, 20) AS uuid),
	CAST(:source AS uuid), 'pgbench:' || md5(random()::text), 'call.completed', 'call_pgbench', false,
	'application/json',
	'{"x-minivoice-timestamp":"1764100000","x-minivoice-signature":"v1=5d2c6a0cbb1f4e1f0c8f3e2a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c"}',
	convert_to(repeat('{"event":"call.completed","call":{"id":"call_123"}}', 20), 'UTF8'), now())
RETURNING id AS event_id \gset
INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, event_type, call_id, ordering,
	status, next_attempt_at)
VALUES (CAST(:tenant AS uuid),
	CAST(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
		|| substr(md5(random()::text), 1, 20) AS uuid),
	CAST(:event_id AS uuid), CAST(:route AS uuid), CAST(:destination AS uuid), CAST(:source AS uuid),
	'call.completed', 'call_pgbench', 'none', 'pending', now() + interval '100 years');
SELECT pg_notify('switchboard_delivery_due', '');
END;
