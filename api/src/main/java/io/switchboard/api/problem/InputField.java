package io.switchboard.api.problem;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The request field a {@link ServerWebInputException} is about, when there is one: a
 * query parameter of the wrong type ({@code limit=ten}) or a body field of the wrong type
 * ({@code "timeoutMs": "soon"}); none for a body that is not JSON at all.
 */
final class InputField {

	private InputField() {
	}

	static ProblemWriter.FieldProblem of(ServerWebInputException ex) {
		String message = (ex instanceof MissingRequestValueException) ? "is required" : "has the wrong type or format";
		String field = name(ex);
		return (field != null) ? new ProblemWriter.FieldProblem(field, message) : null;
	}

	private static String name(ServerWebInputException ex) {
		MethodParameter parameter = ex.getMethodParameter();
		if (parameter != null) {
			RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
			if (query != null) {
				return !query.name().isEmpty() ? query.name() : parameter.getParameterName();
			}
			if (parameter.hasParameterAnnotation(PathVariable.class)) {
				return parameter.getParameterName();
			}
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return path(databind.getPath());
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

}
