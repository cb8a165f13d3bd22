package io.switchboard.worker.asset;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetsProperties;
import io.switchboard.core.asset.S3AssetStore;
import io.switchboard.core.fixture.SealedAssets;
import io.switchboard.core.secret.ChunkedCipher;
import io.switchboard.core.secret.SecretsProperties;
import io.switchboard.testsupport.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The S3 asset store against a real S3 server (s3proxy) on loopback: only sealed bytes
 * are stored, ranges are read with ranged GETs, deleting removes the object.
 */
class S3AssetStoreIntegrationTests {

	private static final ChunkedCipher CIPHER = new ChunkedCipher(
			new SecretsProperties(Base64.getEncoder().encodeToString(SealedAssets.random(32))));

	private static S3Server s3;

	@TempDir
	Path scratch;

	@BeforeAll
	static void startS3() throws Exception {
		s3 = S3Server.start();
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	@Test
	void keepsOnlySealedBytesReadsAnyRangeAndDeletes() throws Exception {
		try (S3AssetStore store = new S3AssetStore(new AssetsProperties.S3(s3.endpoint(), S3Server.BUCKET, "us-east-1",
				true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, ""))) {
			long before = s3.objects();
			byte[] mp3 = SealedAssets.random(2 * ChunkedCipher.CHUNK + 5);
			ArchivedAssets assets = new ArchivedAssets(store, CIPHER, this.scratch);
			Asset asset = SealedAssets.archive(assets, mp3);
			assertThat(s3.objects()).isEqualTo(before + 1);
			try (InputStream raw = store.read(asset.storageKey(), 0, ChunkedCipher.sealedLength(mp3.length))) {
				byte[] sealed = raw.readAllBytes();
				assertThat(sealed).hasSize((int) ChunkedCipher.sealedLength(mp3.length));
				assertThat(Arrays.equals(Arrays.copyOfRange(sealed, ChunkedCipher.HEADER, ChunkedCipher.HEADER + 64),
						Arrays.copyOf(mp3, 64)))
					.isFalse();
			}
			try (InputStream all = assets.open(asset, 0, mp3.length - 1)) {
				assertThat(SealedAssets.sha256(all.readAllBytes())).isEqualTo(SealedAssets.sha256(mp3));
			}
			int from = ChunkedCipher.CHUNK - 10;
			try (InputStream range = assets.open(asset, from, from + 99)) {
				assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(mp3, from, from + 100));
			}
			assets.delete(asset.storageKey());
			assertThat(s3.objects()).isEqualTo(before);
			assertThatIOException().isThrownBy(() -> assets.open(asset, 0, 10).readAllBytes());
		}
	}

}
