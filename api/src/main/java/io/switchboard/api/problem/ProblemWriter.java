package io.switchboard.api.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Renders a problem document: {@code type} (a URN naming the code), {@code title},
 * {@code status}, {@code detail}, {@code code} and, for invalid input, {@code errors}
 * naming each field.
 */
public final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	/**
	 * The problem document.
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param detail a sentence for people
	 * @param errors field errors, or an empty list
	 * @return the document, keys in a stable order
	 */
	public static Map<String, Object> body(HttpStatusCode status, String code, String detail,
			List<FieldProblem> errors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:switchboard:problem:" + code);
		problem.put("title", title(status));
		problem.put("status", status.value());
		problem.put("detail", (detail != null) ? detail : title(status));
		problem.put("code", code);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		return problem;
	}

	/**
	 * Writes a problem straight to a response, for filters and exception handlers outside
	 * the controllers.
	 * @param response the response
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param detail a sentence for people
	 * @return done
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String code, String detail) {
		byte[] bytes = JSON.writeValueAsBytes(body(status, code, detail, List.of()));
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	/**
	 * The code for a plain HTTP status: {@code method-not-allowed}, {@code not-found}, …
	 * @param status the status
	 * @return the code
	 */
	public static String code(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status.value();
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field, as named in the request
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {

	}

}
