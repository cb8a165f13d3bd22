package io.switchboard.app.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in the portal without a browser: a cookie jar, forms posted with or without
 * the CSRF token of the page they came from, redirects not followed.
 */
final class PortalSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies;

	private String csrf;

	private String lastPage = "";

	PortalSession(String base) {
		this(base, new CookieManager());
	}

	private PortalSession(String base, CookieManager cookies) {
		this.base = base;
		this.cookies = cookies;
	}

	/**
	 * The same person (the same cookies) at another address: another replica of the
	 * portal.
	 * @param otherBase its base URL
	 * @return the session there
	 */
	PortalSession at(String otherBase) {
		return new PortalSession(otherBase, this.cookies);
	}

	/**
	 * A client for one request: connections are not reused across requests, so one
	 * request's connection state never decides another's outcome; the cookies are shared.
	 */
	private HttpClient http() {
		return HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static PortalSession signedUp(String base, String organisation, String email, String password) throws Exception {
		PortalSession session = new PortalSession(base);
		session.get("/signup");
		HttpResponse<String> created = session.post("/signup",
				Map.of("organisation", organisation, "email", email, "password", password));
		if (created.statusCode() != 303) {
			throw new IllegalStateException("Sign-up failed: " + created.statusCode() + " " + created.body());
		}
		return session;
	}

	HttpResponse<String> signIn(String email, String password) throws Exception {
		get("/signin");
		return post("/signin", Map.of("username", email, "password", password));
	}

	/** Reads a page and keeps its CSRF token for the next form. */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http().send(
				HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		this.lastPage = path + " answered " + response.statusCode() + " " + response.headers().map() + ": "
				+ response.body();
		return response;
	}

	HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		return post(path, List.copyOf(form.entrySet()));
	}

	/**
	 * Posts a form whose fields may repeat (ticked boxes of one name).
	 * @param path where
	 * @param fields the fields in order
	 * @return the answer
	 */
	HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields)
			throws IOException, InterruptedException {
		if (this.csrf == null) {
			throw new IllegalStateException("No CSRF token seen yet; last page " + this.lastPage);
		}
		List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
		withToken.add(Map.entry("_csrf", this.csrf));
		return send(path, withToken);
	}

	HttpResponse<String> postWithoutToken(String path, Map<String, String> form)
			throws IOException, InterruptedException {
		return send(path, List.copyOf(form.entrySet()));
	}

	private HttpResponse<String> send(String path, List<Map.Entry<String, String>> fields)
			throws IOException, InterruptedException {
		String body = fields.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http().send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
