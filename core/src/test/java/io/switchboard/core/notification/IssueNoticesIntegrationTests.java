package io.switchboard.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.RelayRows;
import io.switchboard.core.audit.Actor;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.issue.IssueScan;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against PostgreSQL: each issue change queues one notice per channel that
 * listens to its event type, in the statement that makes the change, however often the
 * scan runs; updates to an open issue gather in one pending digest per channel, due at
 * most once every digest interval.
 */
@SpringBootTest
class IssueNoticesIntegrationTests {

	private static final Duration DIGEST = Duration.ofMinutes(10);

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private NotificationChannels channels;

	@Autowired
	private DatabaseClient database;

	@Test
	void eachChangeQueuesOneNoticePerChannelThatListens() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		NotificationChannel all = channel(rows, null);
		NotificationChannel sources = channel(rows, List.of("source.rejecting"));
		NotificationChannel recoveries = channel(rows, List.of("destination.recovered"));
		DestinationId destination = new DestinationId(rows.destinationId());
		this.destinations.disable(rows.tenantId(), destination, "The receiver answered 410 Gone.").block();
		scan();
		scan();
		assertThat(notices(all)).containsExactly("destination.disabled opened");
		assertThat(notices(sources)).isEmpty();
		assertThat(notices(recoveries)).isEmpty();

		this.destinations.setEnabled(rows.tenantId(), destination, true).block();
		scan();
		scan();
		assertThat(notices(all)).containsExactly("destination.disabled opened", "destination.recovered resolved");
		assertThat(notices(sources)).isEmpty();
		assertThat(notices(recoveries)).containsExactly("destination.recovered resolved");
	}

	@Test
	void updatesGatherInOneDigestPerChannelDueAtMostOnceAnInterval() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		NotificationChannel channel = channel(rows, null);
		dead(rows, 2);
		scan();
		assertThat(notices(channel)).containsExactly("delivery.dead opened");
		assertThat(content(channel, "opened")).contains("has 2 deliveries that went dead");

		dead(rows, 1);
		scan();
		dead(rows, 1);
		scan();
		assertThat(notices(channel)).containsExactly("delivery.dead opened", "delivery.dead updated");
		assertThat(content(channel, "updated")).contains("has 3 deliveries").contains("has 4 deliveries");
		assertThat(dueInSeconds(channel)).as("no digest sent yet: due now").isLessThan(5);

		rows.update("UPDATE notice SET status = 'sent', sent_at = now() WHERE tenant_id = ? AND digest");
		dead(rows, 1);
		scan();
		assertThat(notices(channel)).hasSize(3);
		assertThat(dueInSeconds(channel)).as("a digest was just sent: the next waits the interval")
			.isGreaterThan(DIGEST.toSeconds() - 30);
	}

	@Test
	void deliveredAttemptAfterTheDeadOnesResolvesTheirIssue() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		NotificationChannel channel = channel(rows, List.of("issue.resolved"));
		dead(rows, 1);
		scan();
		UUID event = rows.event(Instant.now());
		rows.attempt(rows.delivery(event, "delivered"), Instant.now().plusSeconds(1), 20);
		scan();
		assertThat(notices(channel)).containsExactly("issue.resolved resolved");
		assertThat(content(channel, "resolved")).contains("succeeded again");
	}

	private NotificationChannel channel(RelayRows rows, List<String> eventTypes) {
		return this.channels
			.create(new Actor(rows.tenantId(), "usr_test"),
					new ChannelDraft("slack", "Ops", "https://hooks.slack.com/services/T/B/x", eventTypes),
					new InputErrors())
			.block();
	}

	private void dead(RelayRows rows, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			rows.delivery(rows.event(Instant.now()), "dead");
		}
		rows.update("UPDATE delivery SET finished_at = now(), last_response_status = 410 "
				+ "WHERE tenant_id = ? AND status = 'dead' AND finished_at IS NULL");
	}

	private void scan() {
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5, Duration.ofHours(1), DIGEST)
			.runOnce()
			.block();
	}

	private List<String> notices(NotificationChannel channel) {
		return this.database
			.sql("SELECT event_type || ' ' || change FROM notice WHERE tenant_id = :tenantId AND channel_id = :id "
					+ "ORDER BY created_at, id")
			.bind("tenantId", channel.tenantId().uuid())
			.bind("id", channel.id().uuid())
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

	private String content(NotificationChannel channel, String change) {
		return this.database.sql(
				"SELECT content::text FROM notice WHERE tenant_id = :tenantId AND channel_id = :id AND change = :change")
			.bind("tenantId", channel.tenantId().uuid())
			.bind("id", channel.id().uuid())
			.bind("change", change)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private long dueInSeconds(NotificationChannel channel) {
		return this.database
			.sql("SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM notice "
					+ "WHERE tenant_id = :tenantId AND channel_id = :id AND digest AND status = 'pending'")
			.bind("tenantId", channel.tenantId().uuid())
			.bind("id", channel.id().uuid())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
