package io.switchboard.testsupport;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database is and how to sign in to it.
 *
 * @param host the host
 * @param port the port
 * @param database the database name
 * @param username the user
 * @param password the password, or {@code null}
 */
public record DatabaseAddress(String host, int port, String database, String username, String password) {

	/**
	 * Reads {@code postgresql://user:password@host:port/database}, optionally prefixed by
	 * {@code jdbc:} or {@code r2dbc:}; user and password may also come as {@code user=}
	 * and {@code password=} query parameters.
	 * @param url the URL
	 * @return the address
	 */
	public static DatabaseAddress parse(String url) {
		URI uri = URI.create(url.trim().replaceFirst("^(jdbc|r2dbc):", ""));
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw new IllegalArgumentException(TestDatabase.URL_VARIABLE
					+ " must look like postgresql://user:password@host:port/database, not " + uri.getScheme() + "://…");
		}
		String username = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			username = decode(parts[0]);
			password = (parts.length > 1) ? decode(parts[1]) : null;
		}
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				String[] pair = parameter.split("=", 2);
				if (pair.length == 2 && pair[0].equals("user")) {
					username = decode(pair[1]);
				}
				if (pair.length == 2 && pair[0].equals("password")) {
					password = decode(pair[1]);
				}
			}
		}
		return new DatabaseAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432,
				uri.getPath().replaceFirst("^/", ""), (username != null) ? username : "postgres", password);
	}

	/**
	 * The R2DBC URL, without credentials.
	 * @return the URL
	 */
	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	/**
	 * The JDBC URL, without credentials.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return jdbcUrl() + " as " + this.username;
	}

}
