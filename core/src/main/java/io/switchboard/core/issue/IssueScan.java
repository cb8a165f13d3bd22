package io.switchboard.core.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.core.id.IssueId;
import io.switchboard.core.notification.IssueNotices;
import io.switchboard.core.signature.RejectionReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Opens the issues whose condition holds and resolves those whose condition cleared, for
 * every tenant, in a few statements: a destination switched off by Switchboard (a 410, an
 * abort), a destination whose circuit has stayed open for {@code failingAfter}, a source
 * that refused at least {@code refusalThreshold} signed requests in {@code refusalWindow}
 * (a wrong or rotated secret), a destination whose deliveries went dead in
 * {@code deadWindow} (updated as more go dead, resolved by its next success). Each
 * statement that opens, updates or resolves issues also queues their notices
 * ({@link IssueNotices}). Several workers may scan at once: the unique index on
 * unresolved issues keeps one per resource and kind.
 */
public class IssueScan {

	/** What the portal and the API write when the owner switches a destination off. */
	public static final String OWNERS_REASON = "Switched off by its owner.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNRESOLVED = """
			NOT EXISTS (SELECT 1 FROM issue i WHERE i.tenant_id = %s.tenant_id AND i.kind = '%s'
				AND i.resource_id = %s AND i.status <> 'resolved')
			""";

	private static final String DISABLED = """
			SELECT d.tenant_id, d.id, d.name, d.kind, d.disabled_reason, d.disabled_at FROM destination d
			WHERE NOT d.enabled AND d.deleted_at IS NULL AND d.disabled_reason IS DISTINCT FROM :owners AND
			""" + UNRESOLVED.formatted("d", "destination-disabled", "d.id") + " LIMIT 500";

	/**
	 * Destinations whose circuit has been open too long, with their last three attempts
	 * (newest first, read backwards through the destination's attempts index).
	 */
	private static final String FAILING = """
			SELECT d.tenant_id, d.id, d.name, d.kind, d.circuit_changed_at, last.statuses, last.status, last.error
			FROM destination d
			LEFT JOIN LATERAL (SELECT string_agg(coalesce(a.response_status::text, 'no answer'), ', '
					ORDER BY a.id DESC) AS statuses, (array_agg(a.response_status ORDER BY a.id DESC))[1] AS status,
					(array_agg(coalesce(a.error_message, a.error_class) ORDER BY a.id DESC))[1] AS error
				FROM (SELECT a.id, a.response_status, a.error_message, a.error_class FROM delivery_attempt a
					WHERE a.tenant_id = d.tenant_id AND a.destination_id = d.id ORDER BY a.id DESC LIMIT 3) a) last
				ON true
			WHERE d.circuit_state = 'open' AND d.circuit_changed_at <= now() - make_interval(secs => :after)
				AND d.enabled AND d.deleted_at IS NULL AND
			""" + UNRESOLVED.formatted("d", "destination-failing", "d.id") + " LIMIT 500";

	private static final String REJECTING = """
			SELECT r.tenant_id, r.source_id, s.name, count(*) AS refused, max(r.received_at) AS last,
				mode() WITHIN GROUP (ORDER BY r.reason) AS reason
			FROM inbound_rejection r
			JOIN source s ON s.tenant_id = r.tenant_id AND s.id = r.source_id
			WHERE r.received_at > now() - make_interval(secs => :window) AND r.reason = ANY(:reasons) AND
			""" + UNRESOLVED.formatted("r", "source-rejecting", "r.source_id") + """
			GROUP BY r.tenant_id, r.source_id, s.name
			HAVING count(*) >= :threshold
			LIMIT 500
			""";

	private static final String OPEN = IssueNotices.opened("""
			INSERT INTO issue AS i (tenant_id, id, kind, resource_type, resource_id, summary, evidence)
			VALUES (:tenantId, :id, :kind, :resourceType, :resourceId, :summary, CAST(:evidence AS jsonb))
			ON CONFLICT (tenant_id, kind, resource_id) WHERE status <> 'resolved' DO NOTHING
			""" + IssueNotices.RETURNING);

	private static final String CLEARED_DISABLED = IssueNotices.resolved("""
			UPDATE issue i SET status = 'resolved', resolved_at = now(), updated_at = now(),
				resolution = CASE WHEN d.deleted_at IS NOT NULL THEN 'The destination was deleted.'
					ELSE 'The destination is on again; its paused deliveries go on.' END
			FROM destination d
			WHERE i.kind = 'destination-disabled' AND i.status <> 'resolved' AND d.tenant_id = i.tenant_id
				AND d.id = i.resource_id AND (d.enabled OR d.deleted_at IS NOT NULL)
			""" + IssueNotices.RETURNING);

	private static final String CLEARED_FAILING = IssueNotices.resolved("""
			UPDATE issue i SET status = 'resolved', resolved_at = now(), updated_at = now(),
				resolution = CASE WHEN d.circuit_state <> 'open' THEN 'The destination answers again.'
					ELSE 'The destination was switched off or deleted.' END
			FROM destination d
			WHERE i.kind = 'destination-failing' AND i.status <> 'resolved' AND d.tenant_id = i.tenant_id
				AND d.id = i.resource_id AND (d.circuit_state <> 'open' OR NOT d.enabled OR d.deleted_at IS NOT NULL)
			""" + IssueNotices.RETURNING);

	private static final String CLEARED_REJECTING = IssueNotices.resolved("""
			UPDATE issue i SET status = 'resolved', resolved_at = now(), updated_at = now(),
				resolution = 'No request was refused for its signature in the last ' || :minutes || ' minutes.'
			WHERE i.kind = 'source-rejecting' AND i.status <> 'resolved' AND NOT EXISTS (
				SELECT 1 FROM inbound_rejection r WHERE r.tenant_id = i.tenant_id AND r.source_id = i.resource_id
					AND r.received_at > now() - make_interval(secs => :window) AND r.reason = ANY(:reasons))
			""" + IssueNotices.RETURNING);

	private static final String DEAD = """
			SELECT dl.tenant_id, dl.destination_id, d.name, count(*) AS dead, min(dl.finished_at) AS first,
				max(dl.last_error) AS error, max(dl.last_response_status) AS status
			FROM delivery dl
			JOIN destination d ON d.tenant_id = dl.tenant_id AND d.id = dl.destination_id AND d.deleted_at IS NULL
			WHERE dl.status = 'dead' AND dl.finished_at > now() - make_interval(secs => :window)
				AND dl.finished_at > coalesce((SELECT max(p.resolved_at) FROM issue p WHERE p.tenant_id = dl.tenant_id
					AND p.kind = 'deliveries-dead' AND p.resource_id = dl.destination_id), '-infinity') AND
			""" + UNRESOLVED.formatted("dl", "deliveries-dead", "dl.destination_id") + """
			GROUP BY dl.tenant_id, dl.destination_id, d.name
			LIMIT 500
			""";

	private static final String MORE_DEAD = IssueNotices.updated("""
			UPDATE issue i SET updated_at = now(),
				evidence = i.evidence || jsonb_build_object('dead', c.dead::text, 'last', c.last::text),
				summary = format('"%s" has %s deliveries that went dead since %s: they were tried as often and as '
					|| 'long as its settings allow. Fix the receiver, then replay them from the dead letters.',
					i.evidence ->> 'name', c.dead, i.evidence ->> 'since')
			FROM (SELECT p.tenant_id, p.id, count(*) AS dead, max(dl.finished_at) AS last
				FROM issue p JOIN delivery dl ON dl.tenant_id = p.tenant_id AND dl.destination_id = p.resource_id
					AND dl.status = 'dead' AND dl.finished_at >= (p.evidence ->> 'since')::timestamptz
				WHERE p.kind = 'deliveries-dead' AND p.status <> 'resolved'
				GROUP BY p.tenant_id, p.id) c
			WHERE i.tenant_id = c.tenant_id AND i.id = c.id AND c.dead > (i.evidence ->> 'dead')::bigint
			""" + IssueNotices.RETURNING);

	private static final String CLEARED_DEAD = IssueNotices.resolved("""
			UPDATE issue i SET status = 'resolved', resolved_at = now(), updated_at = now(),
				resolution = 'A delivery to the destination succeeded again (or it was deleted).'
			WHERE i.kind = 'deliveries-dead' AND i.status <> 'resolved' AND (coalesce((
				-- the latest success, the index read backwards: never the destination's whole history
				SELECT a.started_at FROM delivery_attempt a WHERE a.tenant_id = i.tenant_id
					AND a.destination_id = i.resource_id AND a.outcome = 'delivered'
				ORDER BY a.id DESC LIMIT 1), '-infinity') > i.opened_at OR NOT EXISTS (
				SELECT 1 FROM destination d WHERE d.tenant_id = i.tenant_id AND d.id = i.resource_id
					AND d.deleted_at IS NULL))
			""" + IssueNotices.RETURNING);

	private static final String OPEN_BY_KIND = """
			SELECT kind, count(*) AS issues FROM issue WHERE status <> 'resolved' GROUP BY kind
			""";

	/** The kinds of issue there are. */
	public static final List<String> KINDS = List.of("destination-disabled", "destination-failing", "source-rejecting",
			"deliveries-dead");

	private static final String[] REFUSED_FOR_SIGNATURE = reasons();

	private final DatabaseClient database;

	private final Duration failingAfter;

	private final Duration refusalWindow;

	private final int refusalThreshold;

	private final Duration deadWindow;

	private final Duration digestInterval;

	/**
	 * A scan.
	 * @param database the database
	 * @param failingAfter how long a circuit stays open before it is an issue
	 * @param refusalWindow how far back refusals count
	 * @param refusalThreshold how many refusals in the window make an issue
	 */
	public IssueScan(DatabaseClient database, Duration failingAfter, Duration refusalWindow, int refusalThreshold) {
		this(database, failingAfter, refusalWindow, refusalThreshold, Duration.ofHours(1), Duration.ofMinutes(15));
	}

	/**
	 * A scan.
	 * @param database the database
	 * @param failingAfter how long a circuit stays open before it is an issue
	 * @param refusalWindow how far back refusals count
	 * @param refusalThreshold how many refusals in the window make an issue
	 * @param deadWindow how far back deliveries that went dead open an issue
	 * @param digestInterval the least time between two digests to one channel
	 */
	public IssueScan(DatabaseClient database, Duration failingAfter, Duration refusalWindow, int refusalThreshold,
			Duration deadWindow, Duration digestInterval) {
		this.database = database;
		this.failingAfter = failingAfter;
		this.refusalWindow = refusalWindow;
		this.refusalThreshold = refusalThreshold;
		this.deadWindow = deadWindow;
		this.digestInterval = digestInterval;
	}

	/**
	 * One scan of every tenant.
	 * @return how many issues it opened and resolved
	 */
	public Mono<Long> runOnce() {
		return Flux
			.concat(openDisabled(), openFailing(), openRejecting(), openDead(), moreDead(), resolve(CLEARED_DISABLED),
					resolve(CLEARED_FAILING), resolveRejecting(), resolve(CLEARED_DEAD))
			.reduce(0L, Long::sum);
	}

	/**
	 * How many issues are unresolved, by kind, across every tenant (for the metrics).
	 * @return kind → count, every kind present
	 */
	public Mono<Map<String, Long>> unresolvedByKind() {
		return this.database.sql(OPEN_BY_KIND)
			.map((row) -> Map.entry(row.get("kind", String.class), row.get("issues", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((found) -> {
				Map<String, Long> counts = new HashMap<>();
				KINDS.forEach((kind) -> counts.put(kind, found.getOrDefault(kind, 0L)));
				return counts;
			});
	}

	private Mono<Long> openDisabled() {
		return this.database.sql(DISABLED).bind("owners", OWNERS_REASON).map((row) -> {
			String name = row.get("name", String.class);
			String reason = row.get("disabled_reason", String.class);
			Instant since = row.get("disabled_at", Instant.class);
			return new Opening(row.get("tenant_id", UUID.class), "destination-disabled", "destination",
					row.get("id", UUID.class),
					"\"" + name + "\" was switched off: " + reason + " Its waiting deliveries are paused, not lost: "
							+ "switch it on again once the receiver is back (for Zapier, a new Zap's URL).",
					Map.of("reason", String.valueOf(reason), "since", String.valueOf(since), "kind",
							String.valueOf(row.get("kind", String.class))));
		}).all().concatMap(this::open).reduce(0L, Long::sum);
	}

	private Mono<Long> openFailing() {
		return this.database.sql(FAILING).bind("after", (double) this.failingAfter.toSeconds()).map((row) -> {
			String name = row.get("name", String.class);
			String kind = row.get("kind", String.class);
			Instant since = row.get("circuit_changed_at", Instant.class);
			String statuses = row.get("statuses", String.class);
			String error = row.get("error", String.class);
			String last = (statuses != null)
					? " Its last answers, newest first: " + statuses + ((error != null) ? " (" + error + ")." : ".")
					: "";
			return new Opening(row.get("tenant_id", UUID.class), "destination-failing", "destination",
					row.get("id", UUID.class),
					"\"" + name + "\" has been failing since " + since + ": its receiver keeps refusing or timing out."
							+ last + hint(kind, row.get("status", Integer.class)),
					Map.of("circuitOpenSince", String.valueOf(since), "kind", String.valueOf(kind), "lastStatuses",
							String.valueOf(statuses), "lastError", String.valueOf(error)));
		}).all().concatMap(this::open).reduce(0L, Long::sum);
	}

	/**
	 * What the answers mean, said plainly: n8n's 404 is a workflow not active, a 429 is a
	 * plan's or a queue's limit (Zapier, Make).
	 */
	private static String hint(String kind, Integer lastStatus) {
		if ("n8n".equals(kind) && (lastStatus == null || lastStatus == 404)) {
			return " If n8n answers 404 \"webhook is not registered\", the workflow is not active (or its test URL "
					+ "is in use): activate it. Deliveries keep being retried.";
		}
		if (lastStatus != null && lastStatus == 429) {
			return " 429 means the receiver is limiting how fast it takes requests: with Zapier or Make, the plan's "
					+ "task or operation limit or a full queue. Deliveries wait and are retried as it allows; raise "
					+ "the limit or lower this destination's rate limit.";
		}
		return " Its deliveries wait and are retried as the schedule says.";
	}

	private Mono<Long> openRejecting() {
		return this.database.sql(REJECTING)
			.bind("window", (double) this.refusalWindow.toSeconds())
			.bind("reasons", REFUSED_FOR_SIGNATURE)
			.bind("threshold", this.refusalThreshold)
			.map((row) -> {
				long refused = row.get("refused", Long.class);
				String reason = row.get("reason", String.class);
				return new Opening(row.get("tenant_id", UUID.class), "source-rejecting", "source",
						row.get("source_id", UUID.class),
						"\"" + row.get("name", String.class) + "\" refused " + refused + " request(s) in the last "
								+ this.refusalWindow.toMinutes() + " minutes, mostly " + reason
								+ ": the sender's secret is probably wrong or was rotated. Compare it with the one "
								+ "on the source's page.",
						Map.of("refused", String.valueOf(refused), "reason", String.valueOf(reason), "last",
								String.valueOf(row.get("last", Instant.class))));
			})
			.all()
			.concatMap(this::open)
			.reduce(0L, Long::sum);
	}

	private Mono<Long> openDead() {
		return this.database.sql(DEAD).bind("window", (double) this.deadWindow.toSeconds()).map((row) -> {
			String name = row.get("name", String.class);
			long dead = row.get("dead", Long.class);
			Instant since = row.get("first", Instant.class);
			Integer status = row.get("status", Integer.class);
			String error = row.get("error", String.class);
			String why = (status != null) ? "the receiver last answered " + status
					: (error != null) ? "the last attempt failed: " + error : "every attempt failed";
			return new Opening(row.get("tenant_id", UUID.class), "deliveries-dead", "destination",
					row.get("destination_id", UUID.class),
					"\"" + name + "\" has " + dead + " deliveries that went dead since " + since + " (" + why
							+ "): they were tried as often and as long as its settings allow. Fix the receiver, then "
							+ "replay them from the dead letters.",
					Map.of("name", name, "dead", String.valueOf(dead), "since", String.valueOf(since), "status",
							String.valueOf(status), "error", String.valueOf(error)));
		}).all().concatMap(this::open).reduce(0L, Long::sum);
	}

	private Mono<Long> moreDead() {
		return this.database.sql(MORE_DEAD)
			.bind("digestSeconds", (double) this.digestInterval.toSeconds())
			.map((row) -> row.get("changed", Long.class))
			.one();
	}

	private Mono<Long> open(Opening opening) {
		return this.database.sql(OPEN)
			.bind("tenantId", opening.tenantId())
			.bind("id", IssueId.generate().uuid())
			.bind("kind", opening.kind())
			.bind("resourceType", opening.resourceType())
			.bind("resourceId", opening.resourceId())
			.bind("summary", opening.summary())
			.bind("evidence", JSON.writeValueAsString(opening.evidence()))
			.map((row) -> row.get("changed", Long.class))
			.one();
	}

	private Mono<Long> resolve(String sql) {
		return this.database.sql(sql).map((row) -> row.get("changed", Long.class)).one();
	}

	private Mono<Long> resolveRejecting() {
		return this.database.sql(CLEARED_REJECTING)
			.bind("window", (double) this.refusalWindow.toSeconds())
			.bind("minutes", String.valueOf(this.refusalWindow.toMinutes()))
			.bind("reasons", REFUSED_FOR_SIGNATURE)
			.map((row) -> row.get("changed", Long.class))
			.one();
	}

	private static String[] reasons() {
		String[] reasons = new String[RejectionReason.values().length + 1];
		for (int i = 0; i < RejectionReason.values().length; i++) {
			reasons[i] = RejectionReason.values()[i].code();
		}
		reasons[reasons.length - 1] = "secret-not-configured";
		return reasons;
	}

	private record Opening(UUID tenantId, String kind, String resourceType, UUID resourceId, String summary,
			Map<String, String> evidence) {

	}

}
