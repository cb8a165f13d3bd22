package io.switchboard.core.notification;

/**
 * Puts the notices an issue change makes into the outbox in the same statement as the
 * change, so a change is never without its notices nor a notice without its change,
 * however many workers scan: the statement that opens, resolves or updates issues becomes
 * a {@code changed} step whose rows each channel of the tenant that listens to their
 * event type gets one notice for. Updates to an open issue are not sent one by one: they
 * join the channel's pending digest, due at most once every digest interval.
 */
public final class IssueNotices {

	/**
	 * What an issue statement returns, for {@link #opened}, {@link #resolved} and
	 * {@link #updated}; the issue table is aliased {@code i}.
	 */
	public static final String RETURNING = """
			RETURNING i.tenant_id, i.id, i.kind, i.resource_type, i.resource_id, i.status, i.summary, i.evidence,
				i.opened_at, i.resolved_at, i.resolution
			""";

	/**
	 * A new UUIDv7, made by PostgreSQL (milliseconds since the epoch, then random bits).
	 */
	static final String NEW_ID = """
			encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
				substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
				52, 1), 53, 1), 'hex')::uuid""";

	private static final String CONTENT = """
			jsonb_build_object('issueId', ch.id, 'kind', ch.kind, 'status', ch.status,
				'resourceType', ch.resource_type, 'resourceId', ch.resource_id,
				'resourceName', coalesce(
					(SELECT d.name FROM destination d WHERE d.tenant_id = ch.tenant_id AND d.id = ch.resource_id),
					(SELECT s.name FROM source s WHERE s.tenant_id = ch.tenant_id AND s.id = ch.resource_id)),
				'summary', ch.summary, 'evidence', ch.evidence, 'openedAt', ch.opened_at,
				'resolvedAt', ch.resolved_at, 'resolution', ch.resolution,
				'waiting', CASE WHEN ch.resource_type = 'destination' THEN (SELECT count(*) FROM delivery w
					WHERE w.tenant_id = ch.tenant_id AND w.destination_id = ch.resource_id
						AND w.status IN ('pending', 'retrying', 'leased', 'paused')) END,
				'lastAttempt', (SELECT jsonb_build_object('number', a.attempt_number, 'outcome', a.outcome,
						'status', a.response_status, 'error', coalesce(a.error_message, a.error_class),
						'at', a.started_at)
					FROM delivery_attempt a WHERE a.tenant_id = ch.tenant_id AND a.destination_id = ch.resource_id
					ORDER BY a.id DESC LIMIT 1))
			""";

	private static final String CHANNELS = """
			FROM changed ch
			JOIN notification_channel c ON c.tenant_id = ch.tenant_id
				AND c.event_types && ARRAY[%1$s, %2$s]
			""";

	private static final String ONE_EACH = "INSERT INTO notice (tenant_id, id, channel_id, event_type, change, content)"
			+ " SELECT c.tenant_id, " + NEW_ID + ", c.id, %2$s, '%3$s', " + CONTENT + CHANNELS;

	private static final String INTO_DIGEST = """
			INSERT INTO notice (tenant_id, id, channel_id, event_type, change, content, digest, next_attempt_at)
			SELECT c.tenant_id, %2$s, c.id, min(%1$s), 'updated', jsonb_build_object('items', jsonb_agg(%3$s)), true,
				greatest(now(), (SELECT max(coalesce(n.sent_at, now())) FROM notice n WHERE n.tenant_id = c.tenant_id
					AND n.channel_id = c.id AND n.digest AND n.status IN ('leased', 'sent'))
					+ make_interval(secs => :digestSeconds))
			%4$s
			GROUP BY c.tenant_id, c.id
			ON CONFLICT (tenant_id, channel_id) WHERE digest AND status = 'pending'
			DO UPDATE SET content = jsonb_build_object('items',
				(notice.content -> 'items') || (EXCLUDED.content -> 'items'))
			""";

	private static final String WRAPPED = """
			WITH changed AS (%s), queued AS (%s)
			SELECT count(*) AS changed FROM changed
			""";

	private IssueNotices() {
	}

	/**
	 * An issue statement that opens issues, with their notices.
	 * @param statement an {@code INSERT INTO issue AS i …} ending with {@link #RETURNING}
	 * @return a statement answering one row, {@code changed}: how many issues it opened
	 */
	public static String opened(String statement) {
		return WRAPPED.formatted(statement, ONE_EACH.formatted("'issue.opened'", specific("opened"), "opened"));
	}

	/**
	 * An issue statement that resolves issues, with their notices.
	 * @param statement an {@code UPDATE issue i …} ending with {@link #RETURNING}
	 * @return a statement answering one row, {@code changed}: how many issues it resolved
	 */
	public static String resolved(String statement) {
		return WRAPPED.formatted(statement, ONE_EACH.formatted("'issue.resolved'", specific("resolved"), "resolved"));
	}

	/**
	 * An issue statement that updates open issues (more deliveries dead), adding each to
	 * its channels' digests; binds {@code digestSeconds}.
	 * @param statement an {@code UPDATE issue i …} ending with {@link #RETURNING}
	 * @return a statement answering one row, {@code changed}: how many issues it updated
	 */
	public static String updated(String statement) {
		String channels = CHANNELS.formatted("'issue.opened'", specific("opened"));
		return WRAPPED.formatted(statement, INTO_DIGEST.formatted(specific("opened"), NEW_ID, CONTENT, channels));
	}

	/**
	 * The most specific event type of a change: {@code destination.disabled} rather than
	 * {@code issue.opened}, for instance.
	 */
	private static String specific(String change) {
		return """
				CASE ch.kind || ':%1$s'
					WHEN 'destination-disabled:opened' THEN 'destination.disabled'
					WHEN 'destination-disabled:resolved' THEN 'destination.recovered'
					WHEN 'deliveries-dead:opened' THEN 'delivery.dead'
					WHEN 'source-rejecting:opened' THEN 'source.rejecting'
					ELSE 'issue.%1$s' END""".formatted(change);
	}

}
