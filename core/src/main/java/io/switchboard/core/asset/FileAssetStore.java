package io.switchboard.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps assets as files under a folder, one per asset at
 * {@code <folder>/<tenant>/<event>/<asset>}: the embedded default, nothing to set up.
 */
public class FileAssetStore implements AssetStore {

	private final Path root;

	public FileAssetStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, Path sealed) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		try {
			Files.move(sealed, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another file system: copy, then let the caller's temporary file go
			Path partial = target.resolveSibling(target.getFileName() + ".partial");
			Files.copy(sealed, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	@Override
	public InputStream read(String key, long offset, long length) throws IOException {
		FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
		channel.position(offset);
		return new BoundedInputStream(Channels.newInputStream(channel), length);
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || !key.matches("[A-Za-z0-9_/-]+")) {
			throw new IllegalArgumentException("Not an asset key: " + key);
		}
		return path;
	}

	@Override
	public String toString() {
		return "FileAssetStore[" + this.root + "]";
	}

	/** At most some bytes of another stream. */
	static final class BoundedInputStream extends InputStream {

		private final InputStream in;

		private long remaining;

		BoundedInputStream(InputStream in, long remaining) {
			this.in = in;
			this.remaining = remaining;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int n = this.in.read(bytes, offset, (int) Math.min(length, this.remaining));
			if (n > 0) {
				this.remaining -= n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
