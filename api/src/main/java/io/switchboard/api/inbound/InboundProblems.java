package io.switchboard.api.inbound;

import io.switchboard.api.problem.ProblemWriter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error on the inbound endpoint as RFC 9457 {@code application/problem+json} with a
 * stable {@code code}: our refusals, the framework's own (405, 415, …) and anything
 * unexpected (500, logged, never a stack trace in the answer). A sender that closed its
 * connection before the answer gets none, and is no error. It runs before Spring Boot's
 * default error handler, for {@code /in/**} only.
 */
@Component
@Order(-2)
class InboundProblems implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(InboundProblems.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/in/") || exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (error instanceof InboundRefusal refusal) {
			if (refusal.retryAfter() != null) {
				long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
				response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			}
			if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE) {
				// the rest of the body is not read
				response.getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return ProblemWriter.write(response, refusal.status(), refusal.code(), refusal.getMessage());
		}
		if (error instanceof AbortedException) {
			// the sender closed the connection before its answer: nobody to answer,
			// nothing
			// that went wrong here
			logger.debug("Inbound request to " + path.replaceFirst("/in/.*", "/in/…") + " abandoned by its sender");
			return Mono.empty();
		}
		if (error instanceof ResponseStatusException framework) {
			response.getHeaders().addAll(framework.getHeaders());
			HttpStatusCode status = framework.getStatusCode();
			return ProblemWriter.write(response, status, ProblemWriter.code(status), framework.getBody().getDetail());
		}
		logger.error("Inbound request to " + path.replaceFirst("/in/.*", "/in/…") + " failed unexpectedly", error);
		return ProblemWriter.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Switchboard failed to handle this request; it was not stored.");
	}

}
