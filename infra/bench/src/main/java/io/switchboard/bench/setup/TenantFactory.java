package io.switchboard.bench.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * Makes tenants through the REST API: sign-up, a token (HTTP Basic), one MiniVoice and
 * one Minari source with secrets, custom destinations on the harness's receiver, and a
 * {@code call.*} route from every source to every destination.
 */
public final class TenantFactory {

	private static final String PASSWORD = "bench password 0123";

	private static final List<String> SCOPES = List.of("sources:write", "destinations:write", "routes:write",
			"events:read", "deliveries:read", "deliveries:replay", "tokens:write");

	private final RestApi api;

	private final String runId;

	public TenantFactory(RestApi api, String runId) {
		this.api = api;
		this.runId = runId;
	}

	/**
	 * A tenant with one destination per receiver URL.
	 * @param name a short unique name
	 * @param receiverUrls the receiver URL of each destination
	 * @param maxInFlight attempts in flight per destination, null for the default
	 * @return the tenant
	 */
	public BenchTenant create(String name, List<String> receiverUrls, Integer maxInFlight) {
		String email = name + "-" + this.runId + "@bench.example";
		JsonNode tenant = this.api.send("POST", "/api/v1/signup", null,
				Map.of("tenantName", "Bench " + name, "email", email, "password", PASSWORD));
		String token = this.api
			.send("POST", "/api/v1/tokens", RestApi.basic(email, PASSWORD), Map.of("name", "bench", "scopes", SCOPES))
			.get("token")
			.asString();
		String bearer = RestApi.bearer(token);
		List<BenchTenant.BenchSource> sources = new ArrayList<>();
		for (String provider : List.of("minivoice", "minari")) {
			String secret = "bench-" + provider + "-secret-" + name + "-" + this.runId;
			JsonNode source = this.api.send("POST", "/api/v1/sources", bearer,
					Map.of("provider", provider, "name", provider + " line", "secret", secret));
			sources.add(new BenchTenant.BenchSource(source.get("id").asString(), provider,
					source.get("inboundUrl").asString(), secret));
		}
		List<BenchTenant.BenchDestination> destinations = new ArrayList<>();
		for (int i = 0; i < receiverUrls.size(); i++) {
			destinations.add(destination(bearer, "receiver " + i, receiverUrls.get(i), maxInFlight, sources));
		}
		return new BenchTenant(tenant.get("tenantId").asString(), token, sources, destinations);
	}

	/**
	 * Several tenants with the same shape.
	 * @param count how many
	 * @param receiverUrls the receiver URLs of tenant {@code i}
	 * @param maxInFlight attempts in flight per destination
	 * @return the tenants
	 */
	public List<BenchTenant> create(int count, IntFunction<List<String>> receiverUrls, int maxInFlight) {
		List<BenchTenant> tenants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tenants.add(create("t" + i, receiverUrls.apply(i), maxInFlight));
		}
		return tenants;
	}

	private BenchTenant.BenchDestination destination(String bearer, String name, String url, Integer maxInFlight,
			List<BenchTenant.BenchSource> sources) {
		Map<String, Object> settings = new HashMap<>(Map.of("kind", "custom", "name", name, "url", url, "timeoutMs",
				10_000, "retryDelaysMs", List.of(1000, 5000, 30000)));
		if (maxInFlight != null) {
			settings.put("maxInFlight", maxInFlight);
		}
		JsonNode destination = this.api.send("POST", "/api/v1/destinations", bearer, settings);
		String id = destination.get("id").asString();
		List<String> routes = new ArrayList<>();
		for (BenchTenant.BenchSource source : sources) {
			routes.add(this.api
				.send("POST", "/api/v1/routes", bearer,
						Map.of("sourceId", source.id(), "destinationId", id, "eventTypes", List.of("call.*")))
				.get("id")
				.asString());
		}
		return new BenchTenant.BenchDestination(id, url, routes);
	}

	/**
	 * Pauses or resumes a destination ({@code enabled: false} pauses its waiting
	 * deliveries).
	 * @param tenant its tenant
	 * @param destinationId the destination
	 * @param enabled the new state
	 */
	public void setEnabled(BenchTenant tenant, String destinationId, boolean enabled) {
		this.api.send("PATCH", "/api/v1/destinations/" + destinationId, RestApi.bearer(tenant.token()),
				Map.of("enabled", enabled));
	}

}
