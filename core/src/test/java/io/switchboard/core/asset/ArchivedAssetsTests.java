package io.switchboard.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import io.switchboard.core.fixture.SealedAssets;
import io.switchboard.core.secret.ChunkedCipher;
import io.switchboard.core.secret.SecretsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing into the file store and reading ranges back (the S3 store's twin test runs in
 * the worker's tests, beside the S3 server).
 */
class ArchivedAssetsTests {

	private static final ChunkedCipher CIPHER = new ChunkedCipher(new SecretsProperties(
			Base64.getEncoder().encodeToString(Arrays.copyOf("a 32-byte master key for tests!!".getBytes(), 32))));

	@TempDir
	Path folder;

	@Test
	void theFileStoreKeepsOnlySealedBytesAndReadsAnyRange() throws IOException {
		FileAssetStore store = new FileAssetStore(this.folder.resolve("assets"));
		byte[] mp3 = SealedAssets.random(3 * ChunkedCipher.CHUNK + 1000);
		Asset asset = SealedAssets.archive(new ArchivedAssets(store, CIPHER, this.folder.resolve("assets/.incoming")),
				mp3);
		Path file = this.folder.resolve("assets").resolve(asset.storageKey());
		assertThat(Files.size(file)).isEqualTo(ChunkedCipher.sealedLength(mp3.length));
		assertThat(indexOf(Files.readAllBytes(file), Arrays.copyOfRange(mp3, 100, 132))).isNegative();
		assertThat(Files.list(this.folder.resolve("assets/.incoming"))).isEmpty();
		assertReadsBack(new ArchivedAssets(store, CIPHER, this.folder), asset, mp3);
	}

	@Test
	void anAbandonedAssetLeavesNothing() throws IOException {
		FileAssetStore store = new FileAssetStore(this.folder.resolve("assets"));
		ArchivedAssets assets = new ArchivedAssets(store, CIPHER, this.folder.resolve("scratch"));
		ArchivedAssets.Sealer sealer = assets.begin("t/e/a");
		sealer.write(ByteBuffer.wrap(SealedAssets.random(1000)));
		sealer.abandon();
		assertThat(Files.list(this.folder.resolve("scratch"))).isEmpty();
		assertThat(Files.exists(this.folder.resolve("assets"))).isFalse();
	}

	private static void assertReadsBack(ArchivedAssets assets, Asset asset, byte[] bytes) throws IOException {
		try (InputStream all = assets.open(asset, 0, bytes.length - 1)) {
			assertThat(SealedAssets.sha256(all.readAllBytes())).isEqualTo(SealedAssets.sha256(bytes));
		}
		int from = ChunkedCipher.CHUNK - 10;
		try (InputStream range = assets.open(asset, from, from + 99)) {
			assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, from, from + 100));
		}
		try (InputStream tail = assets.open(asset, bytes.length - 3, bytes.length - 1)) {
			assertThat(tail.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 3, bytes.length));
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
