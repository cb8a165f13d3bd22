package io.switchboard.admin.page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.switchboard.admin.account.Member;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.history.DeliveryFilter;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.history.DeliveryRecord;
import io.switchboard.core.history.DeliveryStats;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.issue.Issues;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: the three steps to a working relay while they are not done, then the last 24
 * hours (events in, deliveries by outcome, p50/p95 attempt latency, as figures and as
 * hourly charts) and the destinations that need attention (disabled, circuit open, dead
 * letters).
 */
@Controller
class HomePage {

	private static final int HOURS = 24;

	private static final Duration PERIOD = Duration.ofHours(HOURS);

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final RouteRepository routes;

	private final DeliveryStats stats;

	private final DeliveryHistory deliveries;

	private final Issues issues;

	HomePage(SourceRepository sources, DestinationRepository destinations, RouteRepository routes, DeliveryStats stats,
			DeliveryHistory deliveries, Issues issues) {
		this.sources = sources;
		this.destinations = destinations;
		this.routes = routes;
		this.stats = stats;
		this.deliveries = deliveries;
		this.issues = issues;
	}

	@GetMapping("/")
	Mono<String> showHome(@AuthenticationPrincipal Member member, Model model) {
		DeliveryFilter dead = new DeliveryFilter("dead", null, null, null, null, null, null, null);
		Mono<Map<DestinationId, Long>> deadByDestination = this.deliveries.findPage(member.tenantId(), dead, 200)
			.collect(Collectors.groupingBy(DeliveryRecord::destinationId, Collectors.counting()));
		return Mono
			.zip(this.sources.findAllByTenant(member.tenantId()).count(),
					this.destinations.findAllByTenant(member.tenantId()).collectList(),
					this.routes.findAllByTenant(member.tenantId()).count(),
					this.stats.since(member.tenantId(), Instant.now().minus(PERIOD)), deadByDestination,
					this.stats.hourly(member.tenantId(), Instant.now(), HOURS))
			.doOnNext((all) -> {
				model.addAttribute("sourceCount", all.getT1());
				model.addAttribute("destinationCount", (long) all.getT2().size());
				model.addAttribute("routeCount", all.getT3());
				model.addAttribute("activity", all.getT4());
				model.addAttribute("attention", attention(all.getT2(), all.getT5()));
				model.addAttribute("charts", List.of(HourlyCharts.events(all.getT6()),
						HourlyCharts.deliveries(all.getT6()), HourlyCharts.latency(all.getT6())));
			})
			.then(this.issues.list(member.tenantId(), "open", 5).collectList())
			.doOnNext((open) -> model.addAttribute("openIssues", open))
			.thenReturn("home");
	}

	private static List<Attention> attention(List<Destination> destinations, Map<DestinationId, Long> dead) {
		return destinations.stream()
			.map((destination) -> new Attention(destination, dead.getOrDefault(destination.id(), 0L)))
			.filter((item) -> !item.destination().enabled() || item.circuitOpen() || item.deadLetters() > 0)
			.toList();
	}

	/**
	 * A destination that needs someone to look at it.
	 *
	 * @param destination the destination
	 * @param deadLetters its dead letters (up to 200 counted)
	 */
	record Attention(Destination destination, long deadLetters) {

		public boolean circuitOpen() {
			return this.destination.circuit() != null && "open".equals(this.destination.circuit().state());
		}

	}

}
