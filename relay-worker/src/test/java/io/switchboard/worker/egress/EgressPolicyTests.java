package io.switchboard.worker.egress;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EgressPolicyTests {

	private static final EgressPolicy STRICT = EgressPolicy.strict();

	private static final EgressPolicy PRIVATE_ALLOWED = new EgressPolicy(true, List.of());

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "0.0.0.0", "::", "10.1.2.3", "172.20.0.1", "192.168.0.10",
			"169.254.1.1", "fe80::1", "fc00::1", "fd00::1", "224.0.0.251", "ff02::1", "100.64.0.1", "169.254.169.254",
			"fd00:ec2::254", "255.255.255.255", "0.1.2.3", "198.18.0.1", "240.0.0.1", "192.0.2.1", "2001:db8::1",
			"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe" })
	void inwardAddressesAreRefusedByDefault(String address) {
		assertThat(STRICT.permits(Addresses.of(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700::1111", "2a00:1450:4001:82a::200e",
			"::ffff:93.184.216.34", "64:ff9b::5db8:d822" })
	void publicAddressesArePermittedByDefault(String address) {
		assertThat(STRICT.permits(Addresses.of(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "10.1.2.3", "169.254.169.254", "fd00:ec2::254", "93.184.216.34",
			"2606:4700::1111" })
	void everyAddressIsPermittedWhenPrivateNetworksAreAllowed(String address) {
		assertThat(PRIVATE_ALLOWED.permits(Addresses.of(address))).isTrue();
	}

	@Test
	void allowListPermitsSingleAddressesAndCidrRanges() {
		EgressPolicy policy = new EgressPolicy(false,
				List.of("10.1.2.3", " 192.168.0.0/16 ", "100.64.0.0/10", "fd12:3456::/32", "::1"));
		assertThat(policy.permits(Addresses.of("10.1.2.3"))).isTrue();
		assertThat(policy.permits(Addresses.of("::ffff:10.1.2.3"))).isTrue();
		assertThat(policy.permits(Addresses.of("10.1.2.4"))).isFalse();
		assertThat(policy.permits(Addresses.of("192.168.200.7"))).isTrue();
		assertThat(policy.permits(Addresses.of("192.169.0.1"))).isTrue(); // public anyway
		assertThat(policy.permits(Addresses.of("100.127.255.255"))).isTrue();
		assertThat(policy.permits(Addresses.of("fd12:3456:ffff::1"))).isTrue();
		assertThat(policy.permits(Addresses.of("fd12:3457::1"))).isFalse();
		assertThat(policy.permits(Addresses.of("::1"))).isTrue();
		assertThat(policy.permits(Addresses.of("127.0.0.1"))).isFalse();
		assertThat(policy.permits(Addresses.of("169.254.169.254"))).isFalse();
	}

	@Test
	void allowListPrefixNeedNotFallOnAByteBoundary() {
		EgressPolicy policy = new EgressPolicy(false, List.of("172.16.0.0/13", "fc00::/7"));
		assertThat(policy.permits(Addresses.of("172.23.255.255"))).isTrue();
		assertThat(policy.permits(Addresses.of("172.24.0.1"))).isFalse();
		assertThat(policy.permits(Addresses.of("fdff::1"))).isTrue();
	}

	@Test
	void allowListOfEverythingPermitsEverything() {
		EgressPolicy policy = new EgressPolicy(false, List.of("0.0.0.0/0", "::/0"));
		assertThat(policy.permits(Addresses.of("127.0.0.1"))).isTrue();
		assertThat(policy.permits(Addresses.of("fe80::1"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "1.2.3", "" })
	void malformedAllowListEntriesAreRejected(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> new EgressPolicy(false, List.of(entry)))
			.withMessageContaining("Allow-list entry");
	}

	@Test
	void missingAllowListIsEmpty() {
		assertThat(new EgressPolicy(false, null).allowList()).isEmpty();
	}

	@Test
	void refusalNamesTheHostTheAddressAndItsClass() {
		assertThatNoException().isThrownBy(() -> STRICT.requirePermitted("example.com", Addresses.of("8.8.8.8")));
		EgressRefusedException refused = assertThrows(EgressRefusedException.class,
				() -> STRICT.requirePermitted("x", Addresses.of("127.0.0.1")));
		assertThat(refused)
			.hasMessage("destination host 'x' resolves to a loopback address, which Switchboard does not connect to");
		assertThat(refused.host()).isEqualTo("x");
		assertThat(refused.address()).isEqualTo(Addresses.of("127.0.0.1"));
	}

	@Test
	void httpsUrlIsFine() {
		assertThat(STRICT.checkUrl(URI.create("https://hooks.zapier.com/hooks/catch/123/abc/"))).isEmpty();
		assertThat(STRICT.checkUrl(URI.create("HTTPS://n8n.example.com:8443/webhook/x?y=1"))).isEmpty();
	}

	@Test
	void httpIsRefusedUnlessPrivateNetworksAreAllowed() {
		URI url = URI.create("http://hooks.example.com/in");
		assertThat(STRICT.checkUrl(url)).hasValue("The destination URL must use https, not http.");
		assertThat(PRIVATE_ALLOWED.checkUrl(url)).isEmpty();
	}

	@Test
	void otherSchemesAreRefused() {
		assertThat(STRICT.checkUrl(URI.create("ftp://files.example.com/x")))
			.hasValue("The destination URL must use https, not ftp.");
		assertThat(PRIVATE_ALLOWED.checkUrl(URI.create("file:///etc/passwd"))).isPresent();
		assertThat(STRICT.checkUrl(URI.create("//hooks.example.com/in"))).isPresent();
	}

	@Test
	void userInfoIsRefused() {
		assertThat(STRICT.checkUrl(URI.create("https://user:secret@hooks.example.com/in")))
			.hasValue("The destination URL must not contain a user name or password (user:pass@).");
		assertThat(STRICT.checkUrl(URI.create("https://user@hooks.example.com/in"))).isPresent();
	}

	@Test
	void urlWithoutAHostIsRefused() {
		assertThat(STRICT.checkUrl(URI.create("https:///in"))).hasValue("The destination URL has no valid host name.");
		assertThat(STRICT.checkUrl(URI.create("https:hooks.example.com"))).isPresent();
		assertThat(STRICT.checkUrl(URI.create("https://bad_host.example.com/in"))).isPresent();
	}

	@Test
	void inwardIpLiteralIsRefusedBeforeAnyConnection() {
		assertThat(STRICT.checkUrl(URI.create("https://127.0.0.1:8443/in")))
			.hasValue("The destination host 127.0.0.1 is a loopback address, which Switchboard does not connect to.");
		assertThat(STRICT.checkUrl(URI.create("https://[::ffff:169.254.169.254]/latest/meta-data"))).isPresent();
		assertThat(STRICT.checkUrl(URI.create("https://[fd00:ec2::254]/"))).isPresent();
		assertThat(STRICT.checkUrl(URI.create("https://93.184.216.34/in"))).isEmpty();
		assertThat(new EgressPolicy(false, List.of("127.0.0.1/32")).checkUrl(URI.create("https://127.0.0.1/")))
			.isEmpty();
	}

}
