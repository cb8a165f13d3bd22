package io.switchboard.api.limit;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.connection.ClientAddress;
import io.switchboard.api.problem.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies the limits to every {@code /api/v1} request, after authentication (so the
 * caller is known): 429 {@code rate-limited} with {@code Retry-After} when the caller's
 * rate is used up, 413 {@code payload-too-large} for a body over the limit, whether it
 * declares its length or is sent in chunks.
 */
@Component
class ApiLimitFilter implements WebFilter, Ordered {

	/** Right after Spring Security's filter chain (order -100). */
	static final int ORDER = -90;

	private final CallerRateLimiter rateLimiter;

	private final long maxBody;

	ApiLimitFilter(CallerRateLimiter rateLimiter, ApiLimitProperties properties) {
		this.rateLimiter = rateLimiter;
		this.maxBody = properties.maxRequestBody().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/v1/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(ApiLimitFilter::caller)
			.switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange.getRequest())))
			.flatMap((caller) -> limit(exchange, chain, caller));
	}

	private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String caller) {
		Duration wait = this.rateLimiter.admit(caller);
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many requests from this caller; try again in " + seconds + " s.");
		}
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBody) {
			return tooLarge(exchange);
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(exchange.getRequest(), this.maxBody)).build());
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The request body is larger than " + this.maxBody + " bytes.");
	}

	private static String caller(Principal principal) {
		if (principal instanceof Authentication authentication) {
			try {
				ApiCaller caller = ApiCaller.of(authentication);
				return caller.tenantId() + "/" + caller.actor();
			}
			catch (IllegalStateException ex) {
				// not one of ours: fall through to the name
			}
		}
		return "principal:" + principal.getName();
	}

	private static String anonymous(ServerHttpRequest request) {
		return "address:" + ClientAddress.of(request).orElse("unknown");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * A body that fails with {@link DataBufferLimitException} (answered 413) as soon as
	 * more than the limit has arrived, for bodies sent without a length.
	 */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(
							new DataBufferLimitException("The request body is larger than " + this.limit + " bytes"));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
