package io.switchboard.api.destination;

import java.net.URI;
import java.security.Principal;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.job.JobView;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.job.TestSendRequests;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/destinations/{id}/test}: sends a sample call event to the
 * destination, signed like any delivery, and answers with the attempt (status, latency,
 * response excerpt); 202 with the job to follow when no worker made it in time.
 */
@RestController
class DestinationTestController {

	private final DestinationRepository destinations;

	private final TestSendRequests testSends;

	DestinationTestController(DestinationRepository destinations, TestSendRequests testSends) {
		this.destinations = destinations;
		this.testSends = testSends;
	}

	@PostMapping("/api/v1/destinations/{id}/test")
	Mono<ResponseEntity<Object>> testDestination(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		return this.destinations.findByTenantAndId(caller.tenantId(), DestinationId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("destination")))
			.flatMap((destination) -> this.testSends.send(destination, caller.actor()))
			.flatMap((sent) -> {
				if (sent.attempt() != null) {
					return Mono.just(ResponseEntity.ok().<Object>body(sent.attempt()));
				}
				if (sent.job().ended()) {
					return Mono.error(ApiProblem.notFound("destination"));
				}
				JobView job = JobView.of(sent.job());
				return Mono.just(ResponseEntity.accepted().location(URI.create(job.location())).<Object>body(job));
			});
	}

}
