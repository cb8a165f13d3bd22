package io.switchboard.core.id;

import java.util.UUID;

/**
 * An id that knows its type: the database stores {@link #uuid()}, people and the API see
 * {@link #toString()}, a prefix and the UUID in base32.
 */
public interface TypedId {

	/**
	 * The UUID the database stores.
	 * @return the UUID
	 */
	UUID uuid();

}
