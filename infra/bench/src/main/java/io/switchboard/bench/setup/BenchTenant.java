package io.switchboard.bench.setup;

import java.util.List;

/**
 * A tenant made for a run, with what the load generator and the scenarios need.
 *
 * @param tenantId the tenant ({@code ten_…})
 * @param token an API token with every scope the harness uses
 * @param sources its sources
 * @param destinations its destinations (all routed from every source)
 */
public record BenchTenant(String tenantId, String token, List<BenchSource> sources,
		List<BenchDestination> destinations) {

	/**
	 * A source providers post to.
	 *
	 * @param id {@code src_…}
	 * @param provider {@code minivoice} or {@code minari}
	 * @param inboundUrl where events go
	 * @param secret the signing secret
	 */
	public record BenchSource(String id, String provider, String inboundUrl, String secret) {

	}

	/**
	 * A destination and the route that feeds it from one source.
	 *
	 * @param id {@code dst_…}
	 * @param url the receiver URL
	 * @param routeIds {@code rte_…} of its routes
	 */
	public record BenchDestination(String id, String url, List<String> routeIds) {

	}

}
