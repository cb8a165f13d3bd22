package io.switchboard.core.asset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.switchboard.core.secret.ChunkedCipher;

/**
 * Puts assets into the {@link AssetStore} sealed, and reads them back: a fetched asset is
 * sealed chunk by chunk into a scratch file as it arrives (so no asset is ever whole in
 * memory), its SHA-256 computed on the way, then handed to the store; a read opens only
 * the chunks that hold the range asked for. Every method blocks.
 */
public class ArchivedAssets {

	private final AssetStore store;

	private final ChunkedCipher cipher;

	private final Path scratch;

	public ArchivedAssets(AssetStore store, ChunkedCipher cipher, Path scratch) {
		this.store = store;
		this.cipher = cipher;
		this.scratch = scratch;
	}

	/**
	 * Starts sealing an asset.
	 * @param key where the store will keep it
	 * @return where to write its bytes
	 * @throws IOException if the scratch file cannot be made
	 */
	public Sealer begin(String key) throws IOException {
		Files.createDirectories(this.scratch);
		Path file = Files.createTempFile(this.scratch, "incoming-", ".sealed");
		try {
			OutputStream sealed = this.cipher.sealing(new BufferedOutputStream(Files.newOutputStream(file)), key);
			return new Sealer(key, file, sealed);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Reads a range of an archived asset's bytes.
	 * @param asset the asset, archived
	 * @param from the first byte
	 * @param to the last byte, inclusive
	 * @return the bytes, to be closed by the caller
	 * @throws IOException if the store cannot read it, or it does not open
	 */
	public InputStream open(Asset asset, long from, long to) throws IOException {
		long length = asset.bytes();
		if (length == 0 || to < from) {
			return InputStream.nullInputStream();
		}
		byte[] header;
		try (InputStream in = this.store.read(asset.storageKey(), 0, ChunkedCipher.HEADER)) {
			header = in.readNBytes(ChunkedCipher.HEADER);
		}
		ChunkedCipher.Span span = ChunkedCipher.span(from, to, length);
		InputStream chunks = this.store.read(asset.storageKey(), span.offset(), span.length());
		return this.cipher.opening(header, chunks, asset.storageKey(), span, length, to - from + 1);
	}

	/**
	 * Deletes an archived asset's bytes.
	 * @param key where the store keeps it
	 * @throws IOException if the store cannot delete it
	 */
	public void delete(String key) throws IOException {
		this.store.delete(key);
	}

	/**
	 * One asset being sealed: write its bytes in order, then {@link #finish} or
	 * {@link #abandon}.
	 */
	public final class Sealer {

		private final String key;

		private final Path file;

		private final OutputStream out;

		private final MessageDigest digest;

		private long written;

		private boolean closed;

		Sealer(String key, Path file, OutputStream sealed) {
			this.key = key;
			this.file = file;
			this.digest = sha256();
			this.out = new DigestOutputStream(sealed, this.digest);
		}

		/**
		 * Seals more bytes.
		 * @param bytes the next bytes
		 * @throws IOException if the scratch file cannot be written
		 */
		public void write(ByteBuffer bytes) throws IOException {
			byte[] copy = new byte[bytes.remaining()];
			bytes.get(copy);
			this.out.write(copy);
			this.written += copy.length;
		}

		/**
		 * How many bytes were written so far.
		 * @return the count
		 */
		public long written() {
			return this.written;
		}

		/**
		 * Seals the last chunk and hands the file to the store.
		 * @param contentType the asset's content type
		 * @return what was stored
		 * @throws IOException if it cannot be stored
		 */
		public StoredAsset finish(String contentType) throws IOException {
			try {
				this.closed = true;
				this.out.close();
				ArchivedAssets.this.store.put(this.key, this.file);
				return new StoredAsset(contentType, this.written, HexFormat.of().formatHex(this.digest.digest()));
			}
			finally {
				Files.deleteIfExists(this.file);
			}
		}

		/**
		 * Drops what was written.
		 */
		public void abandon() {
			try {
				if (!this.closed) {
					this.closed = true;
					this.out.close();
				}
			}
			catch (IOException ex) {
				// the file goes anyway
			}
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// a scratch file left behind is overwritten by nothing and harms nothing
			}
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
