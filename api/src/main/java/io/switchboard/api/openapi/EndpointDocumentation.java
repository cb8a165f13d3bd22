package io.switchboard.api.openapi;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.switchboard.api.auth.ScopeRule;
import io.switchboard.api.auth.ScopeRules;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;

/**
 * Documents every {@code /api/v1} endpoint from what the code already says, so a new
 * endpoint cannot be left undocumented: a summary from the handler's name
 * ({@code listSources} → "List sources"), its tag from the controller's name, the scope
 * from {@link ScopeRules} (the table the security chain enforces) and the problem answers
 * it can give.
 */
class EndpointDocumentation implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.create());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> document(path, HttpMethod.valueOf(method.name()), operation)));
	}

	private void document(String path, HttpMethod method, Operation operation) {
		if (operation.getSummary() == null && operation.getOperationId() != null) {
			operation.setSummary(summary(operation.getOperationId()));
		}
		if (operation.getTags() != null) {
			operation.setTags(operation.getTags().stream().map((tag) -> tag.replaceAll("-controller$", "")).toList());
		}
		ScopeRule rule = ScopeRules.find(method, path).orElse(null);
		boolean open = rule != null && rule.open();
		operation.setDescription(join(operation.getDescription(), access(rule)));
		operation.setSecurity(security(rule));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		boolean hasBody = operation.getRequestBody() != null;
		if (hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
			problem(responses, "400", "Invalid input (`validation-failed`, naming each field) or a malformed "
					+ "request (`malformed-request`).");
		}
		if (!open) {
			problem(responses, "401", "No, or no valid, credentials (`unauthorized`, `invalid-token`, "
					+ "`invalid-credentials`): missing, bad signature, expired, revoked, unknown issuer or tenant.");
			problem(responses, "403",
					"The token, or the member's current role, lacks the scope this needs " + "(`insufficient-scope`).");
		}
		if (path.contains("{")) {
			problem(responses, "404",
					"No such resource for this tenant (`not-found`); another tenant's id answers the same.");
		}
		if (hasBody) {
			problem(responses, "413", "The request body is larger than the limit (`payload-too-large`).");
		}
		ApiResponse tooMany = problem(responses, "429",
				"This caller's rate limit is used up (`rate-limited`); wait as `Retry-After` says.");
		tooMany.addHeaderObject("Retry-After",
				new Header().description("seconds to wait before trying again").schema(new IntegerSchema()));
		operation.setResponses(responses);
	}

	private static List<SecurityRequirement> security(ScopeRule rule) {
		if (rule != null && rule.open()) {
			return List.of();
		}
		SecurityRequirement bearer = new SecurityRequirement().addList(OpenApiDocument.BEARER,
				(rule != null) ? rule.scopeValues() : List.of());
		if (rule != null && rule.person()) {
			return List.of(bearer, new SecurityRequirement().addList(OpenApiDocument.BASIC));
		}
		return List.of(bearer);
	}

	private static String access(ScopeRule rule) {
		if (rule == null) {
			return "Refused to every caller: no scope rule covers it yet (ScopeRules).";
		}
		if (rule.open()) {
			return "Open: needs no credentials.";
		}
		String scope = (rule.scopes().size() == 1) ? "Needs scope `" + rule.scopeValues().get(0) + "`"
				: "Needs one of the scopes `" + String.join("`, `", rule.scopeValues()) + "`";
		return switch (rule.personAccess()) {
			case ANY_ROLE -> scope + ", or the email and password (HTTP Basic) of any member of the tenant; "
					+ "a member never gets more than their current role allows.";
			case ROLE_WITH_SCOPE -> scope + ", or the email and password (HTTP Basic) of a member whose current role "
					+ "has it (owner or admin).";
			case NONE -> scope + ".";
		};
	}

	private static ApiResponse problem(ApiResponses responses, String status, String description) {
		ApiResponse response = responses.get(status);
		if (response == null) {
			response = new ApiResponse().description(description);
			responses.addApiResponse(status, response);
		}
		if (response.getContent() == null) {
			response.setContent(
					new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref(ProblemSchema.REF))));
		}
		return response;
	}

	/**
	 * "listSources" → "List sources"; springdoc appends {@code _1} to a repeated name.
	 */
	static String summary(String operationId) {
		String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2");
		String lower = words.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	private static String join(String first, String second) {
		return (first == null || first.isBlank()) ? second : first + "\n\n" + second;
	}

}
