package io.switchboard.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The master key the embedded default keeps in its data directory: made on first start
 * (256 random bits, base64, readable by the owner only), read on every start after.
 */
final class MasterKeyFile {

	static final String NAME = "master.key";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path path;

	MasterKeyFile(Path dataDir) {
		this.path = dataDir.resolve(NAME);
	}

	Path path() {
		return this.path;
	}

	boolean exists() {
		return Files.exists(this.path);
	}

	/**
	 * The key, made first if there is none.
	 * @return the base64 key
	 */
	String readOrCreate() {
		try {
			if (!exists()) {
				create();
			}
			return Files.readString(this.path, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key " + this.path, ex);
		}
	}

	private void create() throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(this.path.getParent());
		try {
			Files.createFile(this.path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			return; // another process made it first; use theirs
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(this.path); // not a POSIX file system
		}
		Files.writeString(this.path, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
	}

}
