package io.switchboard.api.problem;

import java.util.List;
import java.util.Map;

import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.tenant.QuotaExceeded;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Maps every error of the REST API ({@code /api/v1}) to a problem document; nothing
 * unexpected leaves as a stack trace. The inbound endpoint has its own handler.
 */
@RestControllerAdvice(
		basePackages = { "io.switchboard.api.auth", "io.switchboard.api.signup", "io.switchboard.api.token",
				"io.switchboard.api.source", "io.switchboard.api.destination", "io.switchboard.api.route",
				"io.switchboard.api.event", "io.switchboard.api.delivery", "io.switchboard.api.audit",
				"io.switchboard.api.job", "io.switchboard.api.issue", "io.switchboard.api.notification" })
class ApiProblemHandler {

	private static final Log logger = LogFactory.getLog(ApiProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(ApiProblem problem) {
		return respond(problem.status(), problem.code(), problem.getMessage(), problem.errors());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalid(WebExchangeBindException ex) {
		List<ProblemWriter.FieldProblem> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new ProblemWriter.FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		String detail = errors.isEmpty() ? "The request is not valid."
				: errors.get(0).field() + ": " + errors.get(0).message();
		return respond(HttpStatus.BAD_REQUEST, "validation-failed", detail, errors);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refusedByRule(InvalidInput ex) {
		List<ProblemWriter.FieldProblem> errors = ex.errors()
			.entrySet()
			.stream()
			.map((error) -> new ProblemWriter.FieldProblem(error.getKey(), error.getValue()))
			.toList();
		return respond(HttpStatus.BAD_REQUEST, "validation-failed", ex.getMessage(), errors);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException ex) {
		ProblemWriter.FieldProblem field = InputField.of(ex);
		if (field != null) {
			return respond(HttpStatus.BAD_REQUEST, "validation-failed", field.field() + ": " + field.message(),
					List.of(field));
		}
		return respond(HttpStatus.BAD_REQUEST, "malformed-request",
				"The request body is not valid JSON of the expected shape.", List.of());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> framework(ResponseStatusException ex) {
		HttpStatusCode status = ex.getStatusCode();
		if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return respond(status, "payload-too-large", "The request body is too large.", List.of());
		}
		return respond(status, ProblemWriter.code(status), ex.getReason(), List.of());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unknownId(MalformedIdException ex) {
		return respond(HttpStatus.NOT_FOUND, "not-found", "No resource with this id.", List.of());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> conflict(DuplicateKeyException ex) {
		return respond(HttpStatus.CONFLICT, "conflict", "This conflicts with something that exists already.",
				List.of());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> quota(QuotaExceeded ex) {
		return respond(HttpStatus.CONFLICT, "quota-exceeded", ex.getMessage(), List.of());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		logger.error("API request failed unexpectedly", ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Switchboard failed to handle this request.",
				List.of());
	}

	private static ResponseEntity<Map<String, Object>> respond(HttpStatusCode status, String code, String detail,
			List<ProblemWriter.FieldProblem> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemWriter.body(status, code, detail, errors));
	}

}
