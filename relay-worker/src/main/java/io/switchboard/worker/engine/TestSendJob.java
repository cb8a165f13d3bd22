package io.switchboard.worker.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.SampleDeliveries;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.job.Job;
import io.switchboard.worker.retry.Classification;
import io.switchboard.worker.signing.OutboundSigner;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A destination's test send, as a job: a sample event prepared and signed like a real
 * delivery, sent through the same guarded client (the egress guard applies; the circuit
 * breaker does not, so a test still reaches a receiver whose circuit is open), logged as
 * an attempt with the trigger {@code test}. The job's result is that attempt.
 */
class TestSendJob {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SampleDeliveries samples;

	private final ReceiverClient receivers;

	private final String userAgent;

	TestSendJob(SampleDeliveries samples, ReceiverClient receivers, String userAgent) {
		this.samples = samples;
		this.receivers = receivers;
		this.userAgent = userAgent;
	}

	/**
	 * Makes the test send a job asks for.
	 * @param job the claimed job
	 * @return the result (JSON), or an error when the destination is gone
	 */
	Mono<String> run(Job job) {
		DestinationId destinationId = DestinationId.parse(JSON.readTree(job.params()).path("destinationId").asString());
		return this.samples.prepare(job.tenantId(), destinationId)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The destination no longer exists")))
			.flatMap(this::send);
	}

	private Mono<String> send(LeasedDelivery test) {
		Instant started = Instant.now();
		PreparedRequest request = PreparedRequest.of(test, this.userAgent, started);
		Map<String, String> headers = new LinkedHashMap<>(request.headers());
		headers.put("Switchboard-Test", "true");
		return this.receivers
			.attempt(test.target().url(), headers, request.body(), Duration.ofMillis(test.target().timeoutMillis()))
			.flatMap((sent) -> {
				boolean delivered = Classification
					.of(sent.status(), (sent.response() != null) ? sent.response().headers() : null, sent.error(),
							started)
					.delivered();
				AttemptRedaction redaction = AttemptRedaction.of(test);
				return this.samples
					.record(test,
							redaction.apply(sent.logged("test", delivered, started, OutboundSigner.redacted(headers))))
					.map((attemptId) -> result(attemptId.toString(), delivered, sent, redaction));
			});
	}

	private static String result(String attemptId, boolean delivered, Sent sent, AttemptRedaction redaction) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("attemptId", attemptId);
		result.put("outcome", delivered ? "delivered" : "failed");
		result.put("responseStatus", sent.status());
		result.put("durationMs", sent.duration().toMillis());
		result.put("error", (sent.error() != null)
				? redaction.text(sent.error().getClass().getSimpleName() + ": " + sent.error().getMessage()) : null);
		return JSON.writeValueAsString(result);
	}

}
