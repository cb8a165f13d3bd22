package io.switchboard.core.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.commit.StoreFailure;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.EventId;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@SpringBootTest
class EventStoreIntegrationTests {

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

	private Tenant tenant;

	private Source source;

	private Destination crm;

	private Destination archive;

	@BeforeEach
	void createRelay() {
		this.tenant = this.tenants.create("Store Test").block();
		this.source = this.sources.create(this.tenant.id(), NewSource.of("MiniVoice", Provider.MINIVOICE, "s")).block();
		this.crm = this.destinations
			.create(this.tenant.id(), "CRM", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/abc/")
			.block();
		this.archive = this.destinations
			.create(this.tenant.id(), "Archive", DestinationKind.CUSTOM, "https://archive.example.com/in")
			.block();
		this.destinations.setEnabled(this.tenant.id(), this.archive.id(), false).block();
		this.routes.create(this.tenant.id(), this.source.id(), this.crm.id(), List.of("call.*"), "none").block();
		this.routes.create(this.tenant.id(), this.source.id(), this.archive.id(), List.of("*"), "per-call").block();
		this.routes.create(this.tenant.id(), this.source.id(), this.crm.id(), List.of("recording.*"), "none").block();
	}

	@Test
	void storesTheEventAndOneDeliveryPerMatchingRoute() throws SQLException {
		IngestOutcome outcome = storeOne(event("call.completed", "k1"));
		assertThat(outcome.duplicate()).isFalse();
		assertThat(outcome.deliveries()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM event WHERE tenant_id = ? AND id = ?", outcome.eventId())).isOne();
		assertThat(rows("SELECT destination_id::text || ' ' || status || ' ' || ordering FROM delivery"
				+ " WHERE tenant_id = ? AND event_id = ? ORDER BY status", outcome.eventId()))
			.containsExactly(this.archive.id().uuid() + " paused per-call", this.crm.id().uuid() + " pending none");
	}

	@Test
	void keepsTheRawBytesAndFacts() throws SQLException {
		IncomingEvent event = event("call.completed", "raw");
		IngestOutcome outcome = storeOne(event);
		assertThat(rows(
				"SELECT encode(body, 'escape') || '|' || event_type || '|' || call_id || '|' || content_type"
						+ " || '|' || (headers->>'x-minivoice-signature') FROM event WHERE tenant_id = ? AND id = ?",
				outcome.eventId()))
			.containsExactly(new String(event.body(), StandardCharsets.UTF_8)
					+ "|call.completed|call_9|application/json|v1=abc");
	}

	@Test
	void aRetryOfTheSameEventIsADuplicateWithNoNewDeliveries() throws SQLException {
		IngestOutcome first = storeOne(event("call.completed", "same"));
		IngestOutcome retry = storeOne(event("call.completed", "same"));
		assertThat(retry.duplicate()).isTrue();
		assertThat(retry.eventId()).isEqualTo(first.eventId());
		assertThat(retry.deliveries()).isZero();
		assertThat(count("SELECT count(*) FROM delivery WHERE tenant_id = ? AND event_id = ?", first.eventId()))
			.isEqualTo(2);
	}

	@Test
	void duplicatesInsideOneBatchAreStoredOnce() {
		List<IngestOutcome> outcomes = this.store
			.store(List.of(event("call.created", "twin"), event("call.completed", "other"),
					event("call.created", "twin")))
			.block();
		assertThat(outcomes.get(0).duplicate()).isNotEqualTo(outcomes.get(2).duplicate());
		assertThat(outcomes.get(0).eventId()).isEqualTo(outcomes.get(2).eventId());
		assertThat(outcomes.get(1).duplicate()).isFalse();
	}

	@Test
	void eventsNoRouteWantsAreStoredWithoutDeliveries() {
		assertThat(this.routes.findByTenantAndSource(this.tenant.id(), this.source.id()).collectList().block())
			.hasSize(3);
		IngestOutcome outcome = storeOne(new IncomingEvent(this.tenant.id(), this.source.id(),
				new EventFacts(null, null, null, false, "untyped"), null, Map.of(), "x".getBytes()));
		assertThat(outcome.deliveries()).isEqualTo(1); // only the '*' route
	}

	@Test
	void sameKeyFromAnotherTenantIsAnotherEvent() {
		Tenant other = this.tenants.create("Other").block();
		Source otherSource = this.sources.create(other.id(), NewSource.of("MV", Provider.MINIVOICE, "s")).block();
		IngestOutcome mine = storeOne(event("call.completed", "shared-key"));
		IngestOutcome theirs = storeOne(new IncomingEvent(other.id(), otherSource.id(),
				new EventFacts("call.completed", null, null, false, "shared-key"), null, Map.of(), new byte[] { 1 }));
		assertThat(theirs.duplicate()).isFalse();
		assertThat(theirs.eventId()).isNotEqualTo(mine.eventId());
		assertThat(theirs.deliveries()).isZero();
	}

	@Test
	void concurrentRetriesOfOneEventStoreItExactlyOnce() throws SQLException {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this.store::store, 8, 4);
		List<IngestOutcome> outcomes = Flux.range(0, 60)
			.flatMap((i) -> group.submit(event("call.completed", "storm")), 60)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(outcomes).hasSize(60);
		assertThat(outcomes.stream().filter((outcome) -> !outcome.duplicate())).hasSize(1);
		assertThat(outcomes.stream().map(IngestOutcome::eventId).distinct()).hasSize(1);
		assertThat(
				count("SELECT count(*) FROM delivery WHERE tenant_id = ? AND event_id = ?", outcomes.get(0).eventId()))
			.isEqualTo(2);
	}

	@Test
	void anEventPostgresRefusesFailsAloneAndTheRestOfItsBatchFromTwoTenantsIsStored() throws SQLException {
		Tenant other = this.tenants.create("Neighbour").block();
		Source otherSource = this.sources.create(other.id(), NewSource.of("MV", Provider.MINIVOICE, "s")).block();
		List<List<IncomingEvent>> batches = new CopyOnWriteArrayList<>();
		// The first batch is held until every event is submitted, so the others are sure
		// to wait for the only commit slot and go together.
		Sinks.Empty<Void> firstHeld = Sinks.empty();
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>((events) -> {
			batches.add(events);
			Mono<Void> gate = (batches.size() == 1) ? firstHeld.asMono() : Mono.empty();
			return gate.then(Mono.defer(() -> this.store.store(events)));
		}, 100, 1);
		IncomingEvent nul = event("call.completed\u0000", "poison-nul");
		IncomingEvent hugeCallId = new IncomingEvent(this.tenant.id(), this.source.id(),
				new EventFacts("call.completed", incompressible(30_000), null, false, "poison-index"), null, Map.of(),
				new byte[] { 2 });
		IncomingEvent mine = event("call.completed", "valid-mine");
		IncomingEvent theirs = new IncomingEvent(other.id(), otherSource.id(),
				new EventFacts("call.completed", null, null, false, "valid-theirs"), null, Map.of(), new byte[] { 1 });
		// The first event takes the only commit slot;
		// the other five wait and go together.
		List<Mono<IngestOutcome>> outcomes = Stream
			.of(event("call.created", "first"), nul, mine, hugeCallId, theirs, event("call.ended", "valid-last"))
			.map((event) -> group.submit(event).cache())
			.peek((outcome) -> outcome.subscribe((ok) -> {
			}, (error) -> {
			}))
			.toList();
		firstHeld.tryEmitEmpty();
		for (int i : new int[] { 0, 2, 4, 5 }) {
			IngestOutcome stored = outcomes.get(i).block(Duration.ofSeconds(10));
			assertThat(stored.duplicate()).isFalse();
		}
		for (int i : new int[] { 1, 3 }) {
			Mono<IngestOutcome> poison = outcomes.get(i);
			assertThatException().isThrownBy(() -> poison.block(Duration.ofSeconds(10)))
				.matches(StoreFailure::contents, "refused for its contents");
		}
		assertThat(batches.get(1)).as("one transaction held both tenants' events and the poison")
			.containsExactly(nul, mine, hugeCallId, theirs, batches.get(1).get(4));
		EventId theirsId = outcomes.get(4).block().eventId();
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM event WHERE tenant_id = ? AND id = ?")) {
			statement.setObject(1, other.id().uuid());
			statement.setObject(2, theirsId.uuid());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				assertThat(result.getLong(1)).isOne();
			}
		}
		assertThat(
				count("SELECT count(*) FROM event WHERE tenant_id = ? AND id = ?", outcomes.get(2).block().eventId()))
			.isOne();
	}

	@Test
	void wakesTheWorkersWhenItMakesDeliveries() throws Exception {
		try (Connection listener = TestDatabase.get().connect(); Statement statement = listener.createStatement()) {
			statement.execute("LISTEN " + EventStore.DELIVERY_CHANNEL);
			storeOne(event("call.completed", "wake-up"));
			PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);
			assertThat(notifications).isNotNull().isNotEmpty();
			assertThat(notifications[0].getName()).isEqualTo(EventStore.DELIVERY_CHANNEL);
		}
	}

	/** Text too long for an index row even once PostgreSQL has compressed it. */
	private static String incompressible(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getEncoder().encodeToString(random);
	}

	private IngestOutcome storeOne(IncomingEvent event) {
		return this.store.store(List.of(event)).block(Duration.ofSeconds(10)).get(0);
	}

	private IncomingEvent event(String type, String dedupKey) {
		String body = "{\"event\":\"" + type + "\",\"call\":{\"id\":\"call_9\"},\"n\":\"" + dedupKey + "\"}";
		return new IncomingEvent(this.tenant.id(), this.source.id(),
				new EventFacts(type, "call_9", null, false, dedupKey), "application/json",
				Map.of("x-minivoice-signature", "v1=abc"), body.getBytes(StandardCharsets.UTF_8));
	}

	private long count(String sql, EventId eventId) throws SQLException {
		return Long.parseLong(rows(sql, eventId).get(0));
	}

	private List<String> rows(String sql, EventId eventId) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			statement.setObject(2, eventId.uuid());
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
	}

}
