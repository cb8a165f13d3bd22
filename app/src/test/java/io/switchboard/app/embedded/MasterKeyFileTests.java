package io.switchboard.app.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MasterKeyFileTests {

	@TempDir
	Path dataDir;

	@Test
	void firstReadCreatesA256BitKeyForTheOwnerOnly() throws Exception {
		MasterKeyFile file = new MasterKeyFile(this.dataDir.resolve("nested"));
		assertThat(file.exists()).isFalse();
		String key = file.readOrCreate();
		assertThat(Base64.getDecoder().decode(key)).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
	}

	@Test
	void laterReadsGiveTheSameKey() {
		String first = new MasterKeyFile(this.dataDir).readOrCreate();
		assertThat(new MasterKeyFile(this.dataDir).readOrCreate()).isEqualTo(first);
	}

	@Test
	void twoDirectoriesGetDifferentKeys() {
		assertThat(new MasterKeyFile(this.dataDir.resolve("a")).readOrCreate())
			.isNotEqualTo(new MasterKeyFile(this.dataDir.resolve("b")).readOrCreate());
	}

}
