package io.switchboard.api.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the inbound endpoint behaves.
 *
 * @param rateLimitPerSecond requests per second a source accepts when it sets no limit of
 * its own
 * @param rateLimitBurst how many seconds' worth of requests a source may send at once
 * @param commitTimeout how long a request waits for its event to be committed before the
 * answer is 503 (the provider then retries)
 * @param retryAfter the {@code Retry-After} given with a 503
 * @param bodyReadTimeout how long reading a request body may take before the answer is
 * 408
 * @param maxBatchSize the most events committed in one transaction
 * @param maxConcurrentCommits the most ingest transactions at once per process
 * @param sourceCacheTtl how long a source found by its token is remembered
 * @param rejectionsKept how many recent rejections each source keeps
 * @param rejectionsRecordedPerSecond the most rejections recorded per second per source
 * (the rest are only counted), so a flood of bad requests cannot flood the database
 */
@ConfigurationProperties("switchboard.inbound")
public record InboundProperties(@DefaultValue("250") int rateLimitPerSecond,
		@DefaultValue("2s") Duration rateLimitBurst, @DefaultValue("5s") Duration commitTimeout,
		@DefaultValue("5s") Duration retryAfter, @DefaultValue("10s") Duration bodyReadTimeout,
		@DefaultValue("128") int maxBatchSize, @DefaultValue("4") int maxConcurrentCommits,
		@DefaultValue("30s") Duration sourceCacheTtl, @DefaultValue("100") int rejectionsKept,
		@DefaultValue("5") int rejectionsRecordedPerSecond) {

}
