package io.switchboard.api.inbound;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.api.connection.ClientAddress;
import io.switchboard.api.limit.TokenBucket;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.rejection.RejectionRepository;
import io.switchboard.core.source.Source;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Records why a source's requests are refused, so its owner can fix the sender: the
 * reason, time, remote address and headers (credentials redacted), never the body.
 * Recording happens after the answer, and at most a few per second per source, so a flood
 * of bad requests costs the database almost nothing.
 */
@Component
class RejectionLog {

	private static final Log logger = LogFactory.getLog(RejectionLog.class);

	private static final Set<String> REDACTED = Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");

	private static final int MAX_HEADERS = 50;

	private static final int MAX_VALUE_LENGTH = 256;

	private final RejectionRepository rejections;

	private final InboundProperties properties;

	private final Cache<SourceId, TokenBucket> samplers = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	RejectionLog(RejectionRepository rejections, InboundProperties properties) {
		this.rejections = rejections;
		this.properties = properties;
	}

	void record(Source source, ServerHttpRequest request, InboundRefusal refusal) {
		int rate = this.properties.rejectionsRecordedPerSecond();
		long now = System.nanoTime();
		if (this.samplers.get(source.id(), (id) -> new TokenBucket(rate, rate, now)).tryTake(now) > 0) {
			return;
		}
		String remote = ClientAddress.of(request).orElse(null);
		this.rejections
			.record(source.tenantId(), source.id(), refusal.code(), refusal.getMessage(), remote,
					redacted(request.getHeaders()), this.properties.rejectionsKept())
			.subscribe(null, (error) -> logger.warn("Could not record a rejection of " + source.id() + ": " + error));
	}

	static Map<String, String> redacted(HttpHeaders headers) {
		Map<String, String> kept = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (kept.size() < MAX_HEADERS) {
				String key = name.toLowerCase(Locale.ROOT);
				String value = String.join(", ", values);
				kept.put(key, secret(key) ? "[redacted]" : truncate(value));
			}
		});
		return kept;
	}

	private static boolean secret(String name) {
		return REDACTED.contains(name) || name.contains("secret") || name.contains("token")
				|| name.contains("password");
	}

	private static String truncate(String value) {
		return (value.length() <= MAX_VALUE_LENGTH) ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
	}

}
