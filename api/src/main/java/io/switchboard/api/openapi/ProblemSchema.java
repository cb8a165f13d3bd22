package io.switchboard.api.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The schema of a problem document (RFC 9457), as {@code ProblemWriter} writes it.
 */
final class ProblemSchema {

	static final String NAME = "Problem";

	static final String REF = "#/components/schemas/" + NAME;

	private ProblemSchema() {
	}

	static Schema<?> create() {
		ObjectSchema fieldProblem = new ObjectSchema();
		fieldProblem.properties(Map.of("field", new StringSchema().description("the field, as named in the request"),
				"message", new StringSchema().description("what is wrong with it")));
		ObjectSchema problem = new ObjectSchema();
		problem.description("An error: RFC 9457 problem details with a stable machine code.");
		problem.addProperty("type", new StringSchema().example("urn:switchboard:problem:not-found"));
		problem.addProperty("title", new StringSchema().example("Not Found"));
		problem.addProperty("status", new IntegerSchema().example(404));
		problem.addProperty("detail", new StringSchema().example("No source with this id."));
		problem.addProperty("code", new StringSchema().example("not-found").description("stable; safe to branch on"));
		problem.addProperty("errors",
				new ArraySchema().items(fieldProblem).description("for invalid input: each field"));
		problem.required(java.util.List.of("type", "title", "status", "code"));
		return problem;
	}

}
