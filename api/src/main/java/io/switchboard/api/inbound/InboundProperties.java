package io.switchboard.api.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the inbound endpoint behaves.
 *
 * @param rateLimitPerSecond requests per second a source accepts if it sets no limit
 * @param rateLimitBurst how many seconds' worth of requests a source may send at once
 * @param commitTimeout how long a request waits for its event to be committed before the
 * answer is 503 (the provider then retries)
 * @param retryAfter the {@code Retry-After} given with a 503
 * @param bodyReadTimeout how long reading a request body may take before a 408
 * @param maxBatchSize the most events committed in one transaction
 * @param maxConcurrentCommits the most ingest transactions at once per process
 * @param sourceCacheTtl how long a source found by its token is remembered
 * @param rejectionsKept how many recent rejections each source keeps
 * @param rejectionsRecordedPerSecond the most rejections recorded per second per source
 * (the rest are only counted), so a flood of bad requests cannot flood the database
 * @param maxBytesInFlight the most bytes of inbound bodies this process holds at once
 * (being read, verified or waiting for their commit); past it requests are shed with 503
 * @param maxSourceBytesInFlight one source's share of {@code maxBytesInFlight}; past it
 * the source's requests are answered 429
 * @param maxQueuedEvents the most events waiting for a commit slot; past it requests are
 * shed with 503
 * @param maxUnknownTokensPerSecond how many requests per second one client address may
 * send to inbound URLs that name no source before it gets a 429 without a look-up
 * @param maxConcurrentTokenLookups the most database look-ups of inbound tokens not in
 * the cache at once; past it requests are answered 429, so a flood of made-up URLs cannot
 * take the connections ingest needs
 * @param maxRefusalsPerSecond how many requests per second a source may have refused
 * after they were read (bad signature, poison, too large, too slow) before its requests
 * are answered 429 without being read
 */
@ConfigurationProperties("switchboard.inbound")
public record InboundProperties(@DefaultValue("250") int rateLimitPerSecond,
		@DefaultValue("2s") Duration rateLimitBurst, @DefaultValue("5s") Duration commitTimeout,
		@DefaultValue("5s") Duration retryAfter, @DefaultValue("10s") Duration bodyReadTimeout,
		@DefaultValue("128") int maxBatchSize, @DefaultValue("4") int maxConcurrentCommits,
		@DefaultValue("30s") Duration sourceCacheTtl, @DefaultValue("100") int rejectionsKept,
		@DefaultValue("5") int rejectionsRecordedPerSecond, @DefaultValue("64MB") DataSize maxBytesInFlight,
		@DefaultValue("16MB") DataSize maxSourceBytesInFlight, @DefaultValue("10000") int maxQueuedEvents,
		@DefaultValue("10") int maxUnknownTokensPerSecond, @DefaultValue("4") int maxConcurrentTokenLookups,
		@DefaultValue("20") int maxRefusalsPerSecond) {

}
