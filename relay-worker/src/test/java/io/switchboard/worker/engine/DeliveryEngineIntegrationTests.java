package io.switchboard.worker.engine;

import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.testsupport.ProviderPayloads;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events reach a real receiver on 127.0.0.1, re-signed, with every attempt logged,
 * through failures, a receiver that is gone, and retries that run out.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.reclaim-interval=500ms", "switchboard.worker.circuit-open-duration=2s" })
class DeliveryEngineIntegrationTests {

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	private RelayFixture relay;

	@BeforeEach
	void createRelay() throws Exception {
		this.relay = new RelayFixture(this.context, this.receiver, "none");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void storedEventIsDeliveredReSignedWithTheStandardWebhooksReferenceLibrary() throws Exception {
		IngestOutcome outcome = this.relay.storeEvent("call.completed", "call_1", "one");
		await(() -> this.receiver.received().size() == 1);
		TestReceiver.Received request = this.receiver.received().get(0);
		assertThat(request.body()).isEqualTo(ProviderPayloads.MINIVOICE_CALL_COMPLETED + "one");
		assertThat(request.header("webhook-id")).isEqualTo(outcome.eventId().toString());
		assertThat(request.header("user-agent")).startsWith("Switchboard/");
		new Webhook(this.relay.destination.signingSecret()).verify(request.body(), request.headers());
		await(() -> this.relay.statuses().equals(List.of("delivered")));
		assertThat(this.relay.attempts()).containsExactly("1 delivered 200");
	}

	@Test
	void customHeadersAreSentButNeverReplaceTheSignatureAndAreRedactedInTheLog() throws Exception {
		this.context.getBean(DestinationRepository.class)
			.update(this.relay.tenant.id(), this.relay.destination.id(),
					DestinationChange.builder()
						.headers(Map.of("X-Api-Key", "secret-123", "webhook-id", "forged"))
						.build())
			.block();
		IngestOutcome outcome = this.relay.storeEvent("call.completed", "call_1", "headers");
		await(() -> this.relay.statuses().equals(List.of("delivered")));
		TestReceiver.Received request = this.receiver.received().get(0);
		assertThat(request.header("x-api-key")).isEqualTo("secret-123");
		assertThat(request.header("webhook-id")).isEqualTo(outcome.eventId().toString());
		assertThat(this.relay.query("SELECT request_headers::text FROM delivery_attempt WHERE tenant_id = ?").get(0))
			.contains("X-Api-Key")
			.doesNotContain("secret-123");
	}

	@Test
	void failedAttemptIsRetriedUntilTheReceiverRecovers() throws Exception {
		this.receiver.answer(500);
		this.relay.storeEvent("call.completed", "call_1", "retry");
		await(() -> this.receiver.received().size() >= 1);
		this.receiver.answer(200);
		await(() -> this.relay.statuses().equals(List.of("delivered")));
		List<String> attempts = this.relay.attempts();
		assertThat(attempts.get(0)).isEqualTo("1 failed 500");
		assertThat(attempts.get(attempts.size() - 1)).isEqualTo(attempts.size() + " delivered 200");
		assertThat(this.receiver.received().get(0).header("webhook-id"))
			.isEqualTo(this.receiver.received().get(1).header("webhook-id"));
	}

	@Test
	void receiverThatIsGoneDisablesTheDestinationAndPausesItsDelivery() throws Exception {
		this.receiver.answer(410);
		this.relay.storeEvent("call.completed", "call_1", "gone");
		await(() -> this.relay.statuses().equals(List.of("paused")));
		assertThat(this.relay.query("SELECT enabled::text FROM destination WHERE tenant_id = ?"))
			.containsExactly("false");
		assertThat(this.relay.attempts()).containsExactly("1 failed 410");
	}

	@Test
	void destinationSwitchedOffWhileAnAttemptIsInFlightGetsNoMoreAttempts() throws Exception {
		this.receiver.answer(500);
		this.receiver.answerAfter(java.time.Duration.ofMillis(800));
		this.relay.storeEvent("call.completed", "call_1", "switched-off");
		await(() -> this.receiver.received().size() == 1);
		this.context.getBean(DestinationRepository.class)
			.setEnabled(this.relay.tenant.id(), this.relay.destination.id(), false)
			.block();
		await(() -> this.relay.statuses().equals(List.of("paused")));
		assertThat(this.relay.attempts()).containsExactly("1 failed 500");
		this.receiver.answerAfter(java.time.Duration.ZERO);
		this.receiver.answer(200);
		this.context.getBean(DestinationRepository.class)
			.setEnabled(this.relay.tenant.id(), this.relay.destination.id(), true)
			.block();
		await(() -> this.relay.statuses().equals(List.of("delivered")));
	}

	@Test
	void deliveryWhoseRetriesRunOutIsDead() throws Exception {
		this.receiver.answer(503);
		this.relay.storeEvent("call.completed", "call_1", "dead");
		await(() -> this.relay.statuses().equals(List.of("dead")));
		assertThat(this.relay.attempts()).containsExactly("1 failed 503", "2 failed 503", "3 failed 503",
				"4 failed 503");
		assertThat(this.receiver.received()).hasSize(4);
	}

	@Test
	void deadDeliveryReplayedIsDeliveredInAManualSeries() throws Exception {
		this.receiver.answer(503);
		this.relay.storeEvent("call.completed", "call_1", "replay");
		await(() -> this.relay.statuses().equals(List.of("dead")));
		this.receiver.answer(200);
		DeliveryId id = DeliveryId.parse(new DeliveryId(
				java.util.UUID.fromString(this.relay.query("SELECT id::text FROM delivery WHERE tenant_id = ?").get(0)))
			.toString());
		DeliveryReplays.Replay replay = this.context.getBean(DeliveryReplays.class)
			.replay(this.relay.tenant.id(), id)
			.block();
		assertThat(replay.replayed()).isTrue();
		assertThat(replay.series()).isEqualTo(2);
		await(() -> this.relay.statuses().equals(List.of("delivered")));
		assertThat(this.relay.query("SELECT series || ' ' || trigger || ' ' || outcome FROM delivery_attempt"
				+ " WHERE tenant_id = ? ORDER BY id DESC LIMIT 1"))
			.containsExactly("2 manual delivered");
		assertThat(this.context.getBean(DeliveryReplays.class).replay(this.relay.tenant.id(), id).block().series())
			.as("a delivered delivery may be replayed again")
			.isEqualTo(3);
	}

}
