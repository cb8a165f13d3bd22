package io.switchboard.api.inbound;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the inbound endpoint as RFC 9457 {@code application/problem+json} with
 * a stable {@code code}; never a stack trace.
 */
@RestControllerAdvice(assignableTypes = InboundController.class)
class InboundProblems {

	private static final Log logger = LogFactory.getLog(InboundProblems.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(InboundRefusal refusal) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (refusal.retryAfter() != null) {
			long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE) {
			response.header(HttpHeaders.CONNECTION, "close"); // the rest of the body is
																// not read
		}
		return response.body(problem(refusal.status(), refusal.code(), refusal.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> framework(ErrorResponse error) {
		HttpStatusCode status = error.getStatusCode();
		ProblemDetail problem = problem(status, code(status), error.getBody().getDetail());
		return ResponseEntity.status(status)
			.headers(error.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Inbound request failed unexpectedly", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
					"Switchboard failed to handle this request; it was not stored."));
	}

	static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

	private static String code(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "http-" + status;
	}

}
