package io.switchboard.api.destination;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.job.JobView;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.history.AttemptView;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.JobId;
import io.switchboard.core.job.Job;
import io.switchboard.core.job.Jobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/destinations/{id}/test}: sends a sample call event to the
 * destination, signed like any delivery, and answers with the attempt (status, latency,
 * response excerpt). A worker makes the send (it owns the egress guard and the signer);
 * this waits for it up to the destination's timeout plus a few seconds, then answers 202
 * with the job to follow instead.
 */
@RestController
class DestinationTestController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CHECK_EVERY = Duration.ofMillis(50);

	private static final Duration WORKER_SLACK = Duration.ofSeconds(5);

	private final DestinationRepository destinations;

	private final Jobs jobs;

	private final DeliveryHistory history;

	DestinationTestController(DestinationRepository destinations, Jobs jobs, DeliveryHistory history) {
		this.destinations = destinations;
		this.jobs = jobs;
		this.history = history;
	}

	@PostMapping("/api/v1/destinations/{id}/test")
	Mono<ResponseEntity<Object>> testDestination(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		DestinationId destinationId = DestinationId.parse(id);
		return this.destinations.findByTenantAndId(caller.tenantId(), destinationId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("destination")))
			.flatMap((destination) -> this.jobs
				.create(caller.tenantId(), JobId.generate(), Job.DESTINATION_TEST,
						JSON.writeValueAsString(java.util.Map.of("destinationId", id)), 1, caller.actor())
				.flatMap((job) -> answer(job, waitFor(destination))));
	}

	private Mono<ResponseEntity<Object>> answer(Job queued, Duration wait) {
		Mono<Job> ended = Flux.interval(CHECK_EVERY)
			.onBackpressureDrop()
			.concatMap((tick) -> this.jobs.find(queued.tenantId(), queued.id()))
			.filter(Job::ended)
			.next()
			.timeout(wait, Mono.empty());
		return ended.flatMap(this::attempt)
			.map((attempt) -> ResponseEntity.ok().<Object>body(attempt))
			.switchIfEmpty(Mono.defer(() -> this.jobs.find(queued.tenantId(), queued.id())
				.map(JobView::of)
				.map((job) -> ResponseEntity.accepted().location(URI.create(job.location())).<Object>body(job))));
	}

	private Mono<AttemptView> attempt(Job job) {
		if (job.result() == null) {
			return Mono.error(ApiProblem.notFound("destination"));
		}
		String attemptId = JSON.readTree(job.result()).path("attemptId").asString();
		return this.history.findAttempt(job.tenantId(), AttemptId.parse(attemptId));
	}

	private static Duration waitFor(Destination destination) {
		return Duration.ofMillis(destination.settings().timeoutMs()).plus(WORKER_SLACK);
	}

}
