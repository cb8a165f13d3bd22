package io.switchboard.api.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.switchboard.api.connection.ClientAddress;
import io.switchboard.api.limit.Allowance;
import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.commit.StoreFailure;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.ingest.EventLimits;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.core.ingest.Unstorable;
import io.switchboard.core.signature.SignatureSchemes;
import io.switchboard.core.signature.SignedRequest;
import io.switchboard.core.signature.Verification;
import io.switchboard.core.source.Source;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /in/{token}}: a provider's webhook arrives. The source is found by its
 * token; the request passes the source's state, rate and size limits; its signature is
 * verified over the raw bytes; the event and its deliveries are committed; only then is
 * it acknowledged. Every refusal is problem+json with a stable code
 * ({@link InboundProblems}). A functional route ({@link InboundRoute}), not an annotated
 * controller: matching {@code /in/{token}} against every API mapping, resolving arguments
 * by reflection and encoding the answer through Jackson were a tenth of the inbound
 * path's CPU (profile in docs/BENCHMARKS.md).
 */
@Component
class InboundController {

	private static final Log logger = LogFactory.getLog(InboundController.class);

	private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

	private static final List<String> KEPT_HEADERS = List.of("content-type", "user-agent", "x-minivoice-event",
			"x-minivoice-timestamp", "x-minivoice-signature", "x-webhook-signature", "webhook-id", "webhook-timestamp",
			"webhook-signature");

	private static final Unstorable NOT_STORABLE = new Unstorable("event-not-storable",
			"The database refused a value of this event; retrying it unchanged cannot succeed.");

	private final SourceCache sources;

	private final InboundRateLimiter rateLimiter;

	private final RejectionLog rejectionLog;

	private final GroupCommit<IncomingEvent, IngestOutcome> groupCommit;

	private final InboundProperties properties;

	private final InboundTelemetry telemetry;

	private final InboundBudget budget;

	/**
	 * Per client address, requests to inbound URLs that named no source: past the
	 * allowance, URLs not already known are answered 429 before any database look-up
	 * (only misses count, so a provider sending for many tenants is never slowed).
	 */
	private final Allowance<String> unknownTokens;

	/**
	 * Per source, requests read and then refused (a bad signature, poison, a body too
	 * large or too slow), which cost the CPU a stored one does: past the allowance, the
	 * source's requests are answered 429 without being read.
	 */
	private final Allowance<SourceId> refusals;

	InboundController(SourceCache sources, InboundRateLimiter rateLimiter, RejectionLog rejectionLog,
			GroupCommit<IncomingEvent, IngestOutcome> groupCommit, InboundProperties properties,
			InboundTelemetry telemetry, InboundBudget budget) {
		this.budget = budget;
		this.unknownTokens = new Allowance<>(properties.maxUnknownTokensPerSecond());
		this.refusals = new Allowance<>(properties.maxRefusalsPerSecond());
		this.sources = sources;
		this.rateLimiter = rateLimiter;
		this.rejectionLog = rejectionLog;
		this.groupCommit = groupCommit;
		this.properties = properties;
		this.telemetry = telemetry;
	}

	/**
	 * Handles {@code POST /in/{token}}.
	 * @param inbound the request
	 * @return the acknowledgement, once the event is committed
	 */
	Mono<ServerResponse> receive(ServerRequest inbound) {
		return receiveEvent(inbound.pathVariable("token"), inbound.exchange().getRequest())
			.flatMap((ack) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(ack.json()));
	}

	Mono<InboundAck> receiveEvent(String token, ServerHttpRequest request) {
		long startNanos = System.nanoTime();
		if (!TOKEN_SHAPE.matcher(token).matches()) {
			return refused(null, InboundRefusal.unknownSource(), startNanos);
		}
		String address = ClientAddress.of(request).orElse("unknown");
		if (!this.sources.known(token)) {
			Duration wait = this.unknownTokens.wait(address);
			if (!wait.isZero()) {
				return refused(null, InboundRefusal.unknownSourcesRateLimited(wait), startNanos);
			}
		}
		return this.sources.find(token)
			.onErrorMap(SourceCache.TooManyLookups::causes, (ex) -> InboundRefusal.lookupsBusy(Duration.ofSeconds(1)))
			.onErrorMap((ex) -> !(ex instanceof InboundRefusal),
					(ex) -> InboundRefusal.notStored(this.properties.retryAfter(), ex))
			.switchIfEmpty(Mono.error(() -> {
				this.unknownTokens.spend(address);
				return InboundRefusal.unknownSource();
			}))
			.onErrorResume(InboundRefusal.class, (refusal) -> refused(null, refusal, startNanos))
			.flatMap((source) -> admit(source, request, startNanos).onErrorResume(InboundRefusal.class, (refusal) -> {
				if (refusal.recorded()) {
					this.rejectionLog.record(source, request, refusal);
				}
				if (refusal.afterReading()) {
					this.refusals.spend(source.id());
				}
				return refused(source, refusal, startNanos);
			}));
	}

	private <T> Mono<T> refused(Source source, InboundRefusal refusal, long startNanos) {
		this.telemetry.refused(source, refusal, startNanos);
		return Mono.error(refusal);
	}

	private Mono<InboundAck> admit(Source source, ServerHttpRequest request, long startNanos) {
		return Mono.fromRunnable(() -> checkOpen(source, request))
			.then(Mono.using(() -> reserve(source, request),
					(room) -> readBody(source, request).map((body) -> verified(source, request, body))
						.flatMap(this::store),
					InboundBudget.Reservation::release))
			.doOnNext((outcome) -> this.telemetry.accepted(source, outcome, startNanos))
			.map(InboundController::ack);
	}

	/**
	 * Room for the body in the process's budget: its declared length, or the most the
	 * source accepts when none is declared.
	 */
	private InboundBudget.Reservation reserve(Source source, ServerHttpRequest request) {
		long declared = request.getHeaders().getContentLength();
		try {
			return this.budget.reserve(source.id(), (declared >= 0) ? declared : source.maxBodyBytes());
		}
		catch (InboundBudget.Refused refused) {
			throw refused.sourceShare() ? InboundRefusal.sourceBusy(this.properties.retryAfter())
					: InboundRefusal.overloaded(this.properties.retryAfter());
		}
	}

	private void checkOpen(Source source, ServerHttpRequest request) {
		if (!source.enabled()) {
			throw InboundRefusal.disabledSource();
		}
		Duration wait = this.rateLimiter.admit(source);
		if (!wait.isZero()) {
			throw InboundRefusal.rateLimited(wait);
		}
		Duration braked = this.refusals.wait(source.id());
		if (!braked.isZero()) {
			throw InboundRefusal.tooManyRefusals(braked);
		}
		if (request.getHeaders().getContentLength() > source.maxBodyBytes()) {
			throw InboundRefusal.tooLarge(source.maxBodyBytes());
		}
	}

	private Mono<byte[]> readBody(Source source, ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), source.maxBodyBytes())
			.map(InboundController::bytes)
			.defaultIfEmpty(new byte[0])
			.timeout(this.properties.bodyReadTimeout(), Mono.error(InboundRefusal::slowBody))
			.onErrorMap(DataBufferLimitException.class, (ex) -> InboundRefusal.tooLarge(source.maxBodyBytes()));
	}

	private IncomingEvent verified(Source source, ServerHttpRequest request, byte[] body) {
		if (source.awaitingSecret()) {
			throw InboundRefusal.unverified("secret-not-configured",
					"This source has no signing secret yet: give Switchboard the secret your provider shows "
							+ "(Minari: Settings → Integrations → Webhook → Show Secret).");
		}
		HttpHeaders headers = request.getHeaders();
		Verification verification = SignatureSchemes.forSource(source)
			.verify(new SignedRequest(headers::getFirst, body), source.verificationSecrets(Instant.now()),
					Instant.now());
		if (verification instanceof Verification.Rejected rejected) {
			throw InboundRefusal.unverified(rejected.reason().code(), rejected.detail());
		}
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		IncomingEvent event = new IncomingEvent(source.tenantId(), source.id(),
				EventFacts.read(source.provider(), headers::getFirst, body), contentType, keptHeaders(source, headers),
				body, source.assets().activeFields());
		Unstorable problem = EventLimits.check(event);
		if (problem != null) {
			throw InboundRefusal.unstorable(problem);
		}
		return event;
	}

	private Mono<IngestOutcome> store(IncomingEvent event) {
		return this.groupCommit.submit(event)
			.timeout(this.properties.commitTimeout())
			.onErrorMap(GroupCommit.Full.class, (ex) -> InboundRefusal.overloaded(this.properties.retryAfter()))
			.onErrorMap(StoreFailure::contents, (ex) -> InboundRefusal.unstorable(NOT_STORABLE))
			.onErrorMap((ex) -> !(ex instanceof InboundRefusal), (ex) -> {
				logger.warn("Event for " + event.sourceId() + " not stored; answering 503: "
						+ ((ex instanceof TimeoutException)
								? "commit took longer than " + this.properties.commitTimeout() : ex.toString()));
				return InboundRefusal.notStored(this.properties.retryAfter(), ex);
			});
	}

	private static InboundAck ack(IngestOutcome outcome) {
		return new InboundAck(true, outcome.eventId().toString(), outcome.duplicate());
	}

	private static Map<String, String> keptHeaders(Source source, HttpHeaders headers) {
		Map<String, String> kept = new LinkedHashMap<>();
		KEPT_HEADERS.forEach((name) -> putIfPresent(kept, headers, name));
		if (source.hmac() != null) {
			putIfPresent(kept, headers, source.hmac().header().toLowerCase(Locale.ROOT));
		}
		return kept;
	}

	private static void putIfPresent(Map<String, String> kept, HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value != null) {
			kept.put(name, value);
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
