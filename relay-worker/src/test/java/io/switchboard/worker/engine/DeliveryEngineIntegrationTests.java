package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.ProviderPayloads;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events reach a real receiver on 127.0.0.1, re-signed, with every attempt logged,
 * through failures, a receiver that is gone, and retries that run out.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms" })
class DeliveryEngineIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private EventStore store;

	private final TestReceiver receiver = new TestReceiver();

	private Tenant tenant;

	private Source source;

	private Destination destination;

	@BeforeEach
	void createRelay() throws Exception {
		this.tenant = this.tenants.create("Worker Test").block();
		this.source = this.sources.create(this.tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null)).block();
		this.destination = this.destinations
			.create(this.tenant.id(), "Receiver", DestinationKind.CUSTOM, this.receiver.url())
			.block();
		this.routes.create(this.tenant.id(), this.source.id(), this.destination.id(), List.of("*"), "none").block();
		// short schedules by configuration, never by sleeping
		execute("UPDATE destination SET retry_delays_ms = '{100,100,100}' WHERE tenant_id = ?");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void storedEventIsDeliveredReSignedWithTheStandardWebhooksReferenceLibrary() throws Exception {
		IngestOutcome outcome = storeEvent("one");
		await(() -> this.receiver.received().size() == 1);
		TestReceiver.Received request = this.receiver.received().get(0);
		assertThat(request.body()).isEqualTo(ProviderPayloads.MINIVOICE_CALL_COMPLETED + "one");
		assertThat(request.header("webhook-id")).isEqualTo(outcome.eventId().toString());
		assertThat(request.header("user-agent")).startsWith("Switchboard/");
		new Webhook(this.destination.signingSecret()).verify(request.body(), request.headers());
		await(() -> "delivered".equals(status()));
		assertThat(attempts()).containsExactly("1 delivered 200");
	}

	@Test
	void failedAttemptIsRetriedUntilTheReceiverRecovers() throws Exception {
		this.receiver.answer(500);
		storeEvent("retry");
		await(() -> this.receiver.received().size() >= 1);
		this.receiver.answer(200);
		await(() -> "delivered".equals(status()));
		assertThat(attempts()).hasSizeGreaterThanOrEqualTo(2).last().isEqualTo(attempts().size() + " delivered 200");
		assertThat(attempts().get(0)).isEqualTo("1 failed 500");
		assertThat(this.receiver.received().get(0).header("webhook-id"))
			.isEqualTo(this.receiver.received().get(1).header("webhook-id"));
	}

	@Test
	void receiverThatIsGoneDisablesTheDestinationAndPausesItsDelivery() throws Exception {
		this.receiver.answer(410);
		storeEvent("gone");
		await(() -> "paused".equals(status()));
		assertThat(this.destinations.findByTenantAndId(this.tenant.id(), this.destination.id()).block().enabled())
			.isFalse();
		assertThat(attempts()).containsExactly("1 failed 410");
	}

	@Test
	void deliveryWhoseRetriesRunOutIsDead() throws Exception {
		this.receiver.answer(503);
		storeEvent("dead");
		await(() -> "dead".equals(status()));
		assertThat(attempts()).containsExactly("1 failed 503", "2 failed 503", "3 failed 503", "4 failed 503");
		assertThat(this.receiver.received()).hasSize(4);
	}

	private IngestOutcome storeEvent(String suffix) {
		byte[] body = (ProviderPayloads.MINIVOICE_CALL_COMPLETED + suffix).getBytes(StandardCharsets.UTF_8);
		return this.store.store(List.of(new IncomingEvent(this.tenant.id(), this.source.id(),
				new EventFacts("call.completed", "call_123", null, false, "key-" + suffix), "application/json",
				Map.of(), body)))
			.block()
			.get(0);
	}

	private String status() throws Exception {
		List<String> rows = query("SELECT status FROM delivery WHERE tenant_id = ?");
		return rows.isEmpty() ? null : rows.get(0);
	}

	private List<String> attempts() throws Exception {
		return query("SELECT attempt_number || ' ' || outcome || ' ' || coalesce(response_status::text, '-')"
				+ " FROM delivery_attempt WHERE tenant_id = ? ORDER BY attempt_number");
	}

	private static void await(Check condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 20 s");
			}
			Thread.sleep(25);
		}
	}

	@FunctionalInterface
	interface Check {

		boolean holds() throws Exception;

	}

	private List<String> query(String sql) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			statement.executeUpdate();
		}
	}

}
