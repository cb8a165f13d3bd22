package io.switchboard.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where archived assets are kept, sealed: it sees only encrypted bytes. Its methods
 * block; callers run them on a scheduler made for blocking work.
 */
public interface AssetStore {

	/**
	 * Stores a sealed file under a key, replacing what was there.
	 * @param key the key, {@code <tenant>/<event>/<asset>}
	 * @param sealed the file; the store may move it
	 * @throws IOException if it cannot be stored
	 */
	void put(String key, Path sealed) throws IOException;

	/**
	 * Reads a range of a stored file.
	 * @param key the key
	 * @param offset the first byte
	 * @param length how many bytes
	 * @return the bytes, to be closed by the caller
	 * @throws IOException if it cannot be read
	 */
	InputStream read(String key, long offset, long length) throws IOException;

	/**
	 * Deletes a stored file; nothing happens when there is none.
	 * @param key the key
	 * @throws IOException if it cannot be deleted
	 */
	void delete(String key) throws IOException;

}
