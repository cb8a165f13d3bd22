package io.switchboard.admin.account;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A portal session's attributes as stored: Java serialization of a map, read back only as
 * the few classes a session may hold (who is signed in, the CSRF token, strings and
 * numbers). Anything else in a stored session, or a session too large or too deep, reads
 * as no attributes at all: signed out.
 */
final class SessionAttributes {

	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("java.util.HashMap;java.util.Map$Entry;java.lang.String;java.lang.Number;java.lang.Long;"
				+ "java.lang.Integer;java.lang.Boolean;org.springframework.security.web.server.csrf.DefaultCsrfToken;"
				+ "io.switchboard.admin.account.SignedIn;maxdepth=5;maxrefs=1000;maxbytes=65536;!*");

	private SessionAttributes() {
	}

	/**
	 * The bytes to store.
	 * @param attributes the session's attributes
	 * @return their serialized form
	 */
	static byte[] write(Map<String, Object> attributes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new HashMap<>(attributes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A session attribute cannot be stored", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The attributes stored.
	 * @param stored their serialized form
	 * @return the attributes, or none when they cannot or may not be read
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> read(byte[] stored) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
			in.setObjectInputFilter(ALLOWED);
			return (Map<String, Object>) in.readObject();
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			return Map.of();
		}
	}

}
