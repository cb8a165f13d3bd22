package io.switchboard.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every {@code /api/v1} endpoint the running application maps, read from Spring's handler
 * mapping, so a test that walks them cannot miss a new one.
 */
public final class ApiEndpoints {

	private ApiEndpoints() {
	}

	public static List<Endpoint> of(ApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		return mapping.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(ApiEndpoints::endpoints)
			.filter((endpoint) -> endpoint.path().startsWith("/api/v1/"))
			.distinct()
			.sorted(Comparator.comparing(Endpoint::path).thenComparing((endpoint) -> endpoint.method().name()))
			.toList();
	}

	private static Stream<Endpoint> endpoints(RequestMappingInfo info) {
		List<String> paths = info.getPatternsCondition()
			.getPatterns()
			.stream()
			.map(PathPattern::getPatternString)
			.toList();
		return info.getMethodsCondition()
			.getMethods()
			.stream()
			.flatMap((method) -> paths.stream().map((path) -> new Endpoint(HttpMethod.valueOf(method.name()), path)));
	}

	/**
	 * One endpoint.
	 *
	 * @param method its method
	 * @param path its path pattern, such as {@code /api/v1/sources/{id}}
	 */
	public record Endpoint(HttpMethod method, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
