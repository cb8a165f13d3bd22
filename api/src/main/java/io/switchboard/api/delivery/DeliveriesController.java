package io.switchboard.api.delivery;

import java.security.Principal;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.id.DeliveryId;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/deliveries/{id}/replay}: starts a new attempt series, recorded as
 * manual; the worker makes the attempts (see the event's deliveries).
 */
@RestController
class DeliveriesController {

	private final DeliveryReplays replays;

	DeliveriesController(DeliveryReplays replays) {
		this.replays = replays;
	}

	@PostMapping("/api/v1/deliveries/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ReplayView> replayDelivery(@PathVariable String id, Principal principal) {
		DeliveryId deliveryId = DeliveryId.parse(id);
		return this.replays.replay(ApiCaller.of((Authentication) principal).tenantId(), deliveryId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("delivery")))
			.flatMap((replay) -> replay.replayed() ? Mono.just(new ReplayView(id, replay.status(), replay.series()))
					: Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-replayable",
							"Only a finished delivery (dead or delivered) can be replayed; this one is "
									+ replay.status() + ".")));
	}

	record ReplayView(String id, String status, int series) {

	}

}
