package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.fixture.Relays;
import io.switchboard.core.fixture.Relays.SeededRelay;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.core.source.Source;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.testsupport.ProviderPayloads;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestReceiver;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh tenant with a MiniVoice source routed to one destination at a test receiver,
 * and the probes the worker tests read the database with.
 */
final class RelayFixture {

	final Tenant tenant;

	final Source source;

	final Destination destination;

	private final EventStore store;

	RelayFixture(ApplicationContext context, TestReceiver receiver, String ordering) throws Exception {
		this.store = context.getBean(EventStore.class);
		SeededRelay relay = Relays.seedRelay(context, receiver.url(), ordering);
		this.tenant = relay.tenant();
		this.source = relay.source();
		this.destination = relay.destination();
		// short schedules by configuration, never by sleeping
		execute("UPDATE destination SET retry_delays_ms = '{100,100,100}' WHERE tenant_id = ?");
	}

	IngestOutcome storeEvent(String type, String callId, String suffix) {
		byte[] body = (ProviderPayloads.MINIVOICE_CALL_COMPLETED + suffix).getBytes(StandardCharsets.UTF_8);
		return this.store
			.store(List.of(new IncomingEvent(this.tenant.id(), this.source.id(),
					new EventFacts(type, callId, null, false, "key-" + suffix), "application/json", Map.of(), body)))
			.block()
			.get(0);
	}

	/**
	 * Stores many events in batches of 100 (one transaction each), bodies numbered after
	 * {@code prefix}.
	 */
	void storeEvents(int count, String prefix) {
		List<IncomingEvent> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String suffix = prefix + "-" + i;
			byte[] body = (ProviderPayloads.MINIVOICE_CALL_COMPLETED + suffix).getBytes(StandardCharsets.UTF_8);
			batch.add(new IncomingEvent(this.tenant.id(), this.source.id(),
					new EventFacts("call.completed", "call_" + suffix, null, false, "key-" + suffix),
					"application/json", Map.of(), body));
			if (batch.size() == 100 || i == count - 1) {
				this.store.store(List.copyOf(batch)).block();
				batch.clear();
			}
		}
	}

	List<String> statuses() throws Exception {
		return query("SELECT status FROM delivery WHERE tenant_id = ? ORDER BY id");
	}

	/**
	 * Waits until the tenant has {@code count} deliveries, all in {@code status}; if they
	 * never are, the failure says where each delivery stands and what its attempts were.
	 */
	void awaitAll(int count, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(25))
			.untilAsserted(
					() -> assertThat(statuses()).as(this::standing).isEqualTo(Collections.nCopies(count, status)));
	}

	private String standing() {
		try {
			return "deliveries: " + query("SELECT status || ' attempts=' || attempt_count || ' due=' || next_attempt_at"
					+ " || ' lease=' || coalesce(lease_owner, '-') || ' error=' || coalesce(last_error, '-')"
					+ " FROM delivery WHERE tenant_id = ? ORDER BY id") + "; attempts: " + attempts();
		}
		catch (Exception ex) {
			return "deliveries unreadable: " + ex;
		}
	}

	List<String> attempts() throws Exception {
		return query("SELECT attempt_number || ' ' || outcome || ' ' || coalesce(response_status::text, '-')"
				+ " FROM delivery_attempt WHERE tenant_id = ? ORDER BY id");
	}

	List<String> query(String sql) throws Exception {
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

	void execute(String sql) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			statement.executeUpdate();
		}
	}

	static void await(Check condition) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).until(condition::holds);
	}

	@FunctionalInterface
	interface Check {

		boolean holds() throws Exception;

	}

}
