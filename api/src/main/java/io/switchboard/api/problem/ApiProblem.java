package io.switchboard.api.problem;

import java.util.List;
import java.util.function.Function;

import io.switchboard.core.id.MalformedIdException;

import org.springframework.http.HttpStatus;

/**
 * A refusal of an API request, with its status, stable code and, for invalid input, the
 * fields at fault.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<ProblemWriter.FieldProblem> errors;

	public ApiProblem(HttpStatus status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	public ApiProblem(HttpStatus status, String code, String detail, List<ProblemWriter.FieldProblem> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
		this.errors = errors;
	}

	/**
	 * The answer for an id this tenant has no resource under: the same whether it does
	 * not exist or belongs to another tenant.
	 * @param what the kind of resource, such as "source"
	 * @return the problem
	 */
	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No " + what + " with this id.");
	}

	/**
	 * Invalid input in one field.
	 * @param field the field
	 * @param message what is wrong
	 * @return the problem
	 */
	public static ApiProblem invalid(String field, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", field + ": " + message,
				List.of(new ProblemWriter.FieldProblem(field, message)));
	}

	/**
	 * Reads an id given in a request field; a malformed one is invalid input naming the
	 * field.
	 * @param field the field or parameter
	 * @param text the text, or {@code null}/blank for none
	 * @param parse reads the id
	 * @param <T> the id type
	 * @return the id, or {@code null} when none was given
	 */
	public static <T> T idField(String field, String text, Function<String, T> parse) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parse.apply(text);
		}
		catch (MalformedIdException ex) {
			throw invalid(field, ex.getMessage());
		}
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public List<ProblemWriter.FieldProblem> errors() {
		return this.errors;
	}

}
