package io.switchboard.core.secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts files of any size with AES-256-GCM in fixed chunks, so they are sealed and
 * opened as streams and any byte range is read by opening only the chunks that hold it. A
 * sealed file is a header (a magic and a random 16-byte salt) then chunks of
 * {@value #CHUNK} plaintext bytes (the last one shorter), each with its 16-byte tag. Each
 * file has its own key, derived from the master key, the salt and its owner (where it is
 * stored), so a file copied elsewhere does not open; a chunk's nonce is its index, and
 * the last chunk says it is last, so chunks cannot be reordered, dropped or cut off.
 */
public class ChunkedCipher {

	/** Plaintext bytes per chunk. */
	public static final int CHUNK = 64 * 1024;

	/** The header's length: the magic and the salt. */
	public static final int HEADER = 4 + 16;

	private static final int TAG = 16;

	private static final byte[] MAGIC = "SBA1".getBytes(StandardCharsets.US_ASCII);

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	public ChunkedCipher(SecretsProperties properties) {
		this(MasterKey.fromBase64(properties.masterKey()));
	}

	ChunkedCipher(SecretKey master) {
		// a key of its own, so asset chunks and sealed secrets never share a key
		this.key = new SecretKeySpec(hmac(master.getEncoded(), "switchboard/assets/v1"), "AES");
	}

	/**
	 * How long a sealed file of some plaintext length is.
	 * @param plainLength the plaintext bytes
	 * @return the sealed bytes
	 */
	public static long sealedLength(long plainLength) {
		return HEADER + plainLength + (long) TAG * chunks(plainLength);
	}

	/**
	 * Where the chunks that hold a range of plaintext are in a sealed file.
	 * @param from the first plaintext byte wanted
	 * @param to the last plaintext byte wanted (inclusive)
	 * @param plainLength the plaintext's length
	 * @return the span of sealed bytes to read, after the header
	 */
	public static Span span(long from, long to, long plainLength) {
		long first = from / CHUNK;
		long last = (plainLength == 0) ? 0 : to / CHUNK;
		long offset = HEADER + first * (CHUNK + TAG);
		long end = HEADER + Math.min(plainLength, (last + 1) * CHUNK) + (last + 1) * TAG;
		return new Span(offset, end - offset, first, from - first * CHUNK);
	}

	/**
	 * Seals what is written to the stream returned, into another stream; closing it
	 * writes the last chunk (and closes the target).
	 * @param target where the sealed bytes go
	 * @param owner where the file is stored, bound into its key
	 * @return the stream to write plaintext to
	 * @throws IOException if the header cannot be written
	 */
	public OutputStream sealing(OutputStream target, String owner) throws IOException {
		byte[] salt = new byte[HEADER - MAGIC.length];
		this.random.nextBytes(salt);
		target.write(MAGIC);
		target.write(salt);
		return new Sealing(target, fileKey(salt, owner));
	}

	/**
	 * Opens a range of a sealed file.
	 * @param header the file's first {@link #HEADER} bytes
	 * @param chunks the sealed bytes of {@link #span}
	 * @param owner where the file is stored
	 * @param span the span read
	 * @param plainLength the plaintext's length
	 * @param length how many plaintext bytes to give, from the span's skip on
	 * @return the plaintext of the range
	 * @throws IOException if the header is not one this cipher writes
	 */
	public InputStream opening(byte[] header, InputStream chunks, String owner, Span span, long plainLength,
			long length) throws IOException {
		if (header.length != HEADER || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
			throw new IOException("Not a sealed asset: " + owner);
		}
		return new Opening(chunks, fileKey(Arrays.copyOfRange(header, MAGIC.length, HEADER), owner), span,
				chunks(plainLength) - 1, plainLength, length);
	}

	private static long chunks(long plainLength) {
		return Math.max(1, (plainLength + CHUNK - 1) / CHUNK);
	}

	private SecretKey fileKey(byte[] salt, String owner) {
		byte[] name = owner.getBytes(StandardCharsets.UTF_8);
		byte[] info = Arrays.copyOf(salt, salt.length + name.length);
		System.arraycopy(name, 0, info, salt.length, name.length);
		return new SecretKeySpec(hmac(this.key.getEncoded(), info), "AES");
	}

	private static byte[] hmac(byte[] key, String info) {
		return hmac(key, info.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, byte[] info) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(info);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] crypt(int mode, SecretKey key, long index, boolean last, byte[] input, int length)
			throws IOException {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG * 8, ByteBuffer.allocate(12).putLong(4, index).array()));
			cipher.updateAAD(new byte[] { (byte) (last ? 1 : 0) });
			return cipher.doFinal(input, 0, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("A sealed asset chunk did not open: altered, truncated or another key", ex);
		}
	}

	/**
	 * The sealed bytes that hold a plaintext range.
	 *
	 * @param offset where they start in the sealed file
	 * @param length how many sealed bytes to read
	 * @param firstChunk the index of the first chunk read
	 * @param skip how many plaintext bytes of that chunk come before the range
	 */
	public record Span(long offset, long length, long firstChunk, long skip) {

	}

	private static final class Sealing extends OutputStream {

		private final OutputStream target;

		private final SecretKey key;

		private final byte[] buffer = new byte[CHUNK];

		private int buffered;

		private long index;

		Sealing(OutputStream target, SecretKey key) {
			this.target = target;
			this.key = key;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			while (length > 0) {
				if (this.buffered == CHUNK) {
					// more follows, so the full chunk is not the last
					flushChunk(false);
				}
				int n = Math.min(length, CHUNK - this.buffered);
				System.arraycopy(bytes, offset, this.buffer, this.buffered, n);
				this.buffered += n;
				offset += n;
				length -= n;
			}
		}

		@Override
		public void close() throws IOException {
			flushChunk(true);
			this.target.close();
		}

		private void flushChunk(boolean last) throws IOException {
			this.target.write(crypt(Cipher.ENCRYPT_MODE, this.key, this.index++, last, this.buffer, this.buffered));
			this.buffered = 0;
		}

	}

	private static final class Opening extends InputStream {

		private final InputStream chunks;

		private final SecretKey key;

		private final long lastIndex;

		private final long plainLength;

		private long index;

		private long skip;

		private long remaining;

		private byte[] plain = new byte[0];

		private int position;

		Opening(InputStream chunks, SecretKey key, Span span, long lastIndex, long plainLength, long length) {
			this.chunks = chunks;
			this.key = key;
			this.index = span.firstChunk();
			this.skip = span.skip();
			this.lastIndex = lastIndex;
			this.plainLength = plainLength;
			this.remaining = length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == 1) ? (one[0] & 0xff) : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			while (this.position == this.plain.length) {
				if (!nextChunk()) {
					throw new IOException("A sealed asset ended early");
				}
			}
			int n = (int) Math.min(Math.min(length, this.plain.length - this.position), this.remaining);
			System.arraycopy(this.plain, this.position, bytes, offset, n);
			this.position += n;
			this.remaining -= n;
			return n;
		}

		private boolean nextChunk() throws IOException {
			if (this.index > this.lastIndex) {
				return false;
			}
			boolean last = this.index == this.lastIndex;
			int plainSize = last ? (int) (this.plainLength - this.lastIndex * CHUNK) : CHUNK;
			byte[] sealed = this.chunks.readNBytes(plainSize + TAG);
			if (sealed.length != plainSize + TAG) {
				return false;
			}
			this.plain = crypt(Cipher.DECRYPT_MODE, this.key, this.index++, last, sealed, sealed.length);
			this.position = (int) this.skip;
			this.skip = 0;
			return true;
		}

		@Override
		public void close() throws IOException {
			this.chunks.close();
		}

	}

}
