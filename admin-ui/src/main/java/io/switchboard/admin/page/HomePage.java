package io.switchboard.admin.page;

import io.switchboard.admin.account.Member;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: where a tenant stands, as the three steps to a working relay.
 */
@Controller
class HomePage {

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final RouteRepository routes;

	HomePage(SourceRepository sources, DestinationRepository destinations, RouteRepository routes) {
		this.sources = sources;
		this.destinations = destinations;
		this.routes = routes;
	}

	@GetMapping("/")
	Mono<String> showHome(@AuthenticationPrincipal Member member, Model model) {
		return Mono
			.zip(this.sources.findAllByTenant(member.tenantId()).count(),
					this.destinations.findAllByTenant(member.tenantId()).count(),
					this.routes.findAllByTenant(member.tenantId()).count())
			.doOnNext((counts) -> {
				model.addAttribute("sourceCount", counts.getT1());
				model.addAttribute("destinationCount", counts.getT2());
				model.addAttribute("routeCount", counts.getT3());
			})
			.thenReturn("home");
	}

}
