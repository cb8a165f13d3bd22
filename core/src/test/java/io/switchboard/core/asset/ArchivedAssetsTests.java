package io.switchboard.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
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

	static final ChunkedCipher CIPHER = new ChunkedCipher(new SecretsProperties(
			Base64.getEncoder().encodeToString(Arrays.copyOf("a 32-byte master key for tests!!".getBytes(), 32))));

	@TempDir
	Path folder;

	@Test
	void theFileStoreKeepsOnlySealedBytesAndReadsAnyRange() throws IOException {
		FileAssetStore store = new FileAssetStore(this.folder.resolve("assets"));
		byte[] mp3 = random(3 * ChunkedCipher.CHUNK + 1000);
		Asset asset = archive(new ArchivedAssets(store, CIPHER, this.folder.resolve("assets/.incoming")), mp3);
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
		sealer.write(ByteBuffer.wrap(random(1000)));
		sealer.abandon();
		assertThat(Files.list(this.folder.resolve("scratch"))).isEmpty();
		assertThat(Files.exists(this.folder.resolve("assets"))).isFalse();
	}

	static Asset archive(ArchivedAssets assets, byte[] bytes) throws IOException {
		TenantId tenant = TenantId.generate();
		EventId event = EventId.generate();
		AssetId id = AssetId.generate();
		String key = tenant + "/" + event + "/" + id;
		ArchivedAssets.Sealer sealer = assets.begin(key);
		for (int offset = 0; offset < bytes.length; offset += 10_000) {
			sealer.write(ByteBuffer.wrap(bytes, offset, Math.min(10_000, bytes.length - offset)));
		}
		StoredAsset stored = sealer.finish("audio/mpeg");
		assertThat(stored.bytes()).isEqualTo(bytes.length);
		assertThat(stored.sha256()).isEqualTo(sha256(bytes));
		return new Asset(tenant, id, event, "/call/recording_url", AssetStatus.ARCHIVED, null, null, "audio/mpeg",
				stored.bytes(), stored.sha256(), key, 1, Instant.now(), Instant.now(), Instant.now());
	}

	static void assertReadsBack(ArchivedAssets assets, Asset asset, byte[] bytes) throws IOException {
		try (InputStream all = assets.open(asset, 0, bytes.length - 1)) {
			assertThat(sha256(all.readAllBytes())).isEqualTo(sha256(bytes));
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

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
