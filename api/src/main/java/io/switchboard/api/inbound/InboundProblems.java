package io.switchboard.api.inbound;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error on the inbound endpoint as RFC 9457 {@code application/problem+json} with a
 * stable {@code code}: our refusals, the framework's own (405, 415, …) and anything
 * unexpected (500, logged, never a stack trace in the answer). It runs before Spring
 * Boot's default error handler, for {@code /in/**} only.
 */
@Component
@Order(-2)
class InboundProblems implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(InboundProblems.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
				response.getHeaders().set(HttpHeaders.CONNECTION, "close"); // the rest is
																			// not read
			}
			return write(response, refusal.status(), refusal.code(), refusal.getMessage(), path);
		}
		if (error instanceof ResponseStatusException framework) {
			response.getHeaders().addAll(framework.getHeaders());
			HttpStatusCode status = framework.getStatusCode();
			return write(response, status, code(status), framework.getBody().getDetail(), path);
		}
		logger.error("Inbound request to " + path.replaceFirst("/in/.*", "/in/…") + " failed unexpectedly", error);
		return write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Switchboard failed to handle this request; it was not stored.", path);
	}

	private static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String code, String detail,
			String path) {
		ObjectNode problem = JSON.createObjectNode()
			.put("type", "urn:switchboard:problem:" + code)
			.put("title", title(status))
			.put("status", status.value())
			.put("detail", (detail != null) ? detail : title(status))
			.put("instance", path.replaceFirst("^(/in/.{4}).*", "$1…"))
			.put("code", code);
		byte[] body = JSON.writeValueAsBytes(problem);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	private static String code(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status.value();
	}

}
