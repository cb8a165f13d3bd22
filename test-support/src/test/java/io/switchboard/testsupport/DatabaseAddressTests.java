package io.switchboard.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseAddressTests {

	@Test
	void libpqStyleUrlGivesEveryPart() {
		DatabaseAddress address = DatabaseAddress.parse("postgresql://relay:p%40ss@db.example:6543/switchboard");
		assertThat(address).isEqualTo(new DatabaseAddress("db.example", 6543, "switchboard", "relay", "p@ss"));
		assertThat(address.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example:6543/switchboard");
		assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/switchboard");
	}

	@Test
	void jdbcUrlWithCredentialsInQueryIsRead() {
		DatabaseAddress address = DatabaseAddress.parse("jdbc:postgresql://localhost/test?user=me&password=secret");
		assertThat(address).isEqualTo(new DatabaseAddress("localhost", 5432, "test", "me", "secret"));
	}

	@Test
	void passwordNeverAppearsInTheDescription() {
		assertThat(DatabaseAddress.parse("postgresql://me:hunter2@localhost/test").toString())
			.doesNotContain("hunter2");
	}

	@Test
	void otherSchemesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseAddress.parse("mysql://localhost/test"))
			.withMessageContaining("postgresql://");
	}

}
