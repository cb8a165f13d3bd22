package io.switchboard.api.inbound;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * {@code POST /in/{token}} as a functional route. WebFlux consults router functions
 * before the annotated API's mappings, so an inbound request is matched by one pattern
 * instead of being compared with every endpoint of the API. Any other method is 405 with
 * {@code Allow: POST}, as problem+json like every inbound answer.
 */
@Configuration(proxyBeanMethods = false)
class InboundRoute {

	@Bean
	RouterFunction<ServerResponse> inboundEndpoint(InboundController controller) {
		return RouterFunctions.route(RequestPredicates.POST("/in/{token}"), controller::receive)
			.andRoute(RequestPredicates.path("/in/{token}"),
					(request) -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST))));
	}

}
