package io.switchboard.api.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.core.source.Source;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts and logs what the inbound endpoint did with each request: accepted (new or a
 * duplicate) or refused, by the refusal's stable code. Tags are bounded (provider, code),
 * never a tenant or source. The log line names the tenant, source and event, never the
 * token, a header or the body.
 */
@Component
class InboundTelemetry {

	private static final Log logger = LogFactory.getLog("io.switchboard.api.inbound.requests");

	private final MeterRegistry registry;

	InboundTelemetry(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
	}

	void accepted(Source source, IngestOutcome outcome, long startNanos) {
		Counter.builder("switchboard.inbound.events")
			.description("Events accepted at the inbound endpoint; duplicates are a provider's retries")
			.tag("provider", source.provider().key())
			.tag("duplicate", String.valueOf(outcome.duplicate()))
			.register(this.registry)
			.increment();
		if (logger.isInfoEnabled()) {
			logger.info("inbound tenant=" + source.tenantId() + " source=" + source.id() + " event=" + outcome.eventId()
					+ " status=200 duplicate=" + outcome.duplicate() + " duration_ms=" + millisSince(startNanos));
		}
	}

	void refused(Source source, InboundRefusal refusal, long startNanos) {
		Counter.builder("switchboard.inbound.rejections")
			.description("Requests refused at the inbound endpoint, by reason")
			.tag("reason", refusal.code())
			.register(this.registry)
			.increment();
		if (logger.isInfoEnabled()) {
			logger.info("inbound" + ((source != null) ? " tenant=" + source.tenantId() + " source=" + source.id() : "")
					+ " status=" + refusal.status().value() + " reason=" + refusal.code() + " duration_ms="
					+ millisSince(startNanos));
		}
	}

	private static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
