package io.switchboard.core.secret;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ChunkedCipherTests {

	private final ChunkedCipher cipher = new ChunkedCipher(new SecretsProperties(randomKey()));

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, ChunkedCipher.CHUNK - 1, ChunkedCipher.CHUNK, ChunkedCipher.CHUNK + 1,
			3 * ChunkedCipher.CHUNK + 17 })
	void opensWhatItSealsWhateverTheLength(int length) throws IOException {
		byte[] plain = random(length);
		byte[] sealed = seal(plain, "t/e/a");
		assertThat(sealed).hasSize((int) ChunkedCipher.sealedLength(length));
		if (length > 0) {
			assertThat(open(sealed, "t/e/a", 0, length - 1, length)).isEqualTo(plain);
		}
	}

	@Test
	void anyRangeOpensOnlyTheChunksThatHoldIt() throws IOException {
		int length = 5 * ChunkedCipher.CHUNK + 123;
		byte[] plain = random(length);
		byte[] sealed = seal(plain, "t/e/a");
		long[][] ranges = { { 0, 0 }, { 10, 20 }, { ChunkedCipher.CHUNK - 2, ChunkedCipher.CHUNK + 2 },
				{ 2L * ChunkedCipher.CHUNK, 4L * ChunkedCipher.CHUNK - 1 }, { length - 5, length - 1 } };
		for (long[] range : ranges) {
			ChunkedCipher.Span span = ChunkedCipher.span(range[0], range[1], length);
			assertThat(span.length()).isLessThanOrEqualTo(
					(range[1] / ChunkedCipher.CHUNK - range[0] / ChunkedCipher.CHUNK + 1) * (ChunkedCipher.CHUNK + 16));
			assertThat(open(sealed, "t/e/a", range[0], range[1], length))
				.isEqualTo(Arrays.copyOfRange(plain, (int) range[0], (int) range[1] + 1));
		}
	}

	@Test
	void aFileStoredUnderAnotherKeyDoesNotOpen() throws IOException {
		byte[] sealed = seal(random(100), "t/e/a");
		assertThatIOException().isThrownBy(() -> open(sealed, "t/e/other", 0, 99, 100));
	}

	@Test
	void aTruncatedFileDoesNotOpen() throws IOException {
		int length = 2 * ChunkedCipher.CHUNK + 10;
		byte[] sealed = seal(random(length), "t/e/a");
		byte[] cut = Arrays.copyOf(sealed, ChunkedCipher.HEADER + 2 * (ChunkedCipher.CHUNK + 16));
		// claims the file ended after two full chunks: the second was not sealed as the
		// last
		assertThatIOException()
			.isThrownBy(() -> open(cut, "t/e/a", 0, 2L * ChunkedCipher.CHUNK - 1, 2L * ChunkedCipher.CHUNK));
	}

	@Test
	void anAlteredByteDoesNotOpen() throws IOException {
		byte[] sealed = seal(random(1000), "t/e/a");
		sealed[ChunkedCipher.HEADER + 500] ^= 1;
		assertThatIOException().isThrownBy(() -> open(sealed, "t/e/a", 0, 999, 1000));
	}

	private byte[] seal(byte[] plain, String owner) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream sealing = this.cipher.sealing(out, owner)) {
			// in uneven pieces, as a download arrives
			int offset = 0;
			int piece = 1;
			while (offset < plain.length) {
				int n = Math.min(piece, plain.length - offset);
				sealing.write(plain, offset, n);
				offset += n;
				piece = piece * 3 + 7;
			}
		}
		return out.toByteArray();
	}

	private byte[] open(byte[] sealed, String owner, long from, long to, long length) throws IOException {
		ChunkedCipher.Span span = ChunkedCipher.span(from, to, length);
		byte[] header = Arrays.copyOf(sealed, ChunkedCipher.HEADER);
		InputStream chunks = new ByteArrayInputStream(sealed, (int) span.offset(),
				(int) Math.min(span.length(), sealed.length - span.offset()));
		try (InputStream in = this.cipher.opening(header, chunks, owner, span, length, to - from + 1)) {
			return in.readAllBytes();
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private static String randomKey() {
		return Base64.getEncoder().encodeToString(random(32));
	}

}
