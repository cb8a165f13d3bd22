package io.switchboard.worker.asset;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.fixture.MinariCalls;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.Source;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.MinariAssetServer;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination with {@code assetLinks: both} receives Switchboard's link beside the
 * original one; a delivery whose assets are still being fetched waits at most
 * {@code switchboard.assets.delivery-wait}, then goes with the original links.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.assets.poll-interval=100ms", "switchboard.assets.delivery-wait=2s",
				"switchboard.public-url=https://relay.example.com" })
class ArchivedLinksDeliveryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private ApplicationContext context;

	private final MinariAssetServer minari = new MinariAssetServer();

	private final TestReceiver receiver = new TestReceiver();

	private Source source;

	@BeforeEach
	void createRelay() {
		Tenant tenant = this.context.getBean(TenantRepository.class).create("Links " + UUID.randomUUID()).block();
		this.source = MinariCalls.createSource(this.context, tenant.id());
		DestinationRepository destinations = this.context.getBean(DestinationRepository.class);
		Destination destination = destinations.create(tenant.id(), "CRM", DestinationKind.CUSTOM, this.receiver.url())
			.block();
		destinations.update(tenant.id(), destination.id(), DestinationChange.builder().assetLinks("both").build())
			.block();
		this.context.getBean(RouteRepository.class)
			.create(tenant.id(), this.source.id(), destination.id(), List.of("*"), "none")
			.block();
	}

	@AfterEach
	void stopServers() {
		this.receiver.close();
		this.minari.close();
	}

	@Test
	void bothPutsSwitchboardsLinkBesideTheOriginal() throws Exception {
		String recording = this.minari.recordingUrl(Duration.ofHours(1));
		MinariCalls.store(this.context, this.source, recording, null);
		JsonNode call = delivered().path("call");
		assertThat(call.path("recording_url").asString()).isEqualTo(recording);
		assertThat(call.path("archived_recording_url").asString()).startsWith("https://relay.example.com/a/");
		assertThat(call.has("archived_transcript_url")).as("no transcript, no archived link").isFalse();
	}

	@Test
	void aDeliveryWaitsBoundedlyForItsAssetsThenGoesWithTheOriginals() throws Exception {
		// the slow asset's server answers, then sends nothing: still being fetched when
		// the wait is over
		String slow = this.minari.url("slow", Duration.ofHours(1));
		long started = System.nanoTime();
		MinariCalls.store(this.context, this.source, slow, null);
		JsonNode call = delivered().path("call");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		assertThat(call.path("recording_url").asString()).isEqualTo(slow);
		assertThat(call.has("archived_recording_url")).isFalse();
	}

	private JsonNode delivered() {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !this.receiver.received().isEmpty());
		return JSON.readTree(this.receiver.received().get(0).body());
	}

}
