package io.switchboard.core.job;

import java.time.Duration;
import java.util.Map;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.history.AttemptView;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.JobId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Asks a worker for a destination's test send and waits for it: the worker owns the
 * egress guard and the signer, so the API and the portal queue a job and follow it up to
 * the destination's timeout plus a few seconds.
 */
@Service
public class TestSendRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CHECK_EVERY = Duration.ofMillis(50);

	private static final Duration WORKER_SLACK = Duration.ofSeconds(5);

	private final Jobs jobs;

	private final DeliveryHistory history;

	public TestSendRequests(Jobs jobs, DeliveryHistory history) {
		this.jobs = jobs;
		this.history = history;
	}

	/**
	 * Queues a test send and waits for its attempt.
	 * @param destination the destination (found for the caller's tenant)
	 * @param actor who asks
	 * @return the job as it stands and, when the worker made it in time, the attempt
	 */
	public Mono<TestSendResult> send(Destination destination, String actor) {
		String params = JSON.writeValueAsString(Map.of("destinationId", destination.id().toString()));
		Duration wait = Duration.ofMillis(destination.settings().timeoutMs()).plus(WORKER_SLACK);
		return this.jobs.create(destination.tenantId(), JobId.generate(), Job.DESTINATION_TEST, params, 1, actor)
			.flatMap((queued) -> Flux.interval(CHECK_EVERY)
				.onBackpressureDrop()
				.concatMap((tick) -> this.jobs.find(queued.tenantId(), queued.id()))
				.filter(Job::ended)
				.next()
				.timeout(wait, Mono.defer(() -> this.jobs.find(queued.tenantId(), queued.id()))))
			.flatMap(this::withAttempt);
	}

	private Mono<TestSendResult> withAttempt(Job job) {
		if (job.result() == null) {
			return Mono.just(new TestSendResult(job, null));
		}
		AttemptId attemptId = AttemptId.parse(JSON.readTree(job.result()).path("attemptId").asString());
		return this.history.findAttempt(job.tenantId(), attemptId)
			.map((attempt) -> new TestSendResult(job, attempt))
			.defaultIfEmpty(new TestSendResult(job, null));
	}

	/**
	 * What became of a test send.
	 *
	 * @param job the job, ended or still waiting for a worker
	 * @param attempt the attempt the worker made, or {@code null} if none yet (or the
	 * destination was deleted meanwhile)
	 */
	public record TestSendResult(Job job, AttemptView attempt) {

	}

}
