package io.switchboard.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title and the two ways to authenticate;
 * {@link EndpointDocumentation} fills in each endpoint and the problem schema.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	@Bean
	OpenAPI switchboardOpenApi() {
		return new OpenAPI().info(new Info().title("Switchboard API").version("v1").description("""
				The tenant REST API of Switchboard, a multi-tenant webhook relay. Every request is made \
				for the tenant named by its credentials. Errors are application/problem+json with a \
				stable `code`. Lists answer `{"data": [...], "nextCursor": ...}`; pass `cursor` to go \
				on."""))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("A Switchboard API token (POST /api/v1/tokens) or a token of a trusted "
									+ "OpenID Connect issuer (switchboard.auth.issuers)."))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Email and password of a person; only to manage tokens.")));
	}

	@Bean
	OpenApiCustomizer endpointDocumentation() {
		return new EndpointDocumentation();
	}

}
