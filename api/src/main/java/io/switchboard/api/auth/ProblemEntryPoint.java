package io.switchboard.api.auth;

import io.switchboard.api.problem.ProblemWriter;
import io.switchboard.core.signin.SignInRefusedException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 as problem documents: {@code unauthorized} (no credentials),
 * {@code invalid-credentials} (wrong email or password), 429 {@code rate-limited} (too
 * many wrong passwords lately, with {@code Retry-After}), {@code invalid-token} (bad
 * signature, expired, revoked, unknown issuer or tenant), {@code insufficient-scope} and,
 * when an external issuer cannot be reached to verify its token, 503
 * {@code issuer-unavailable}.
 */
class ProblemEntryPoint
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			exchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return ProblemWriter.write(exchange.getExchange().getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
					"issuer-unavailable", "The token's issuer could not be reached to verify it; try again shortly.");
		}
		return commence(exchange.getExchange(), ex);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		if (ex instanceof OAuth2AuthenticationException) {
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid-token",
					"The bearer token is not valid: bad signature, expired, revoked, or not from a trusted issuer and tenant.");
		}
		if (ex instanceof SignInRefusedException refused) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many wrong passwords for this email or from this address; wait as Retry-After says.");
		}
		if (ex instanceof BadCredentialsException) {
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid-credentials",
					"Wrong email or password.");
		}
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized",
				"This needs an API token: Authorization: Bearer <token> (POST /api/v1/tokens issues one).");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "insufficient-scope",
				"The token does not have the scope this needs.");
	}

}
