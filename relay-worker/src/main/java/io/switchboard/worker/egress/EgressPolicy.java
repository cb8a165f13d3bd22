package io.switchboard.worker.egress;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.netty.util.NetUtil;

/**
 * Where deliveries may go. Destinations must use {@code https} and must not reach
 * inwards: loopback, unspecified, private, link-local, unique-local, multicast,
 * carrier-grade NAT, cloud metadata, broadcast, benchmarking, documentation and reserved
 * addresses are refused, judged on the address a host name resolves to when the
 * connection is made (see {@link GuardedResolver}). IPv6 forms that carry an IPv4 address
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4)
 * are judged by the IPv4 they carry.
 *
 * @param allowPrivateNetworks whether every address and plain {@code http} are allowed,
 * for local development and tests
 * @param allowList addresses allowed although they are not public: single IPs or CIDR
 * ranges, IPv4 or IPv6 ({@code 10.1.2.3}, {@code 10.0.0.0/8}, {@code fd12::/16})
 */
public record EgressPolicy(boolean allowPrivateNetworks, List<String> allowList) {

	/**
	 * Checks the allow-list.
	 * @param allowPrivateNetworks whether every address and plain {@code http} are
	 * allowed
	 * @param allowList single IPs or CIDR ranges allowed although they are not public
	 * @throws IllegalArgumentException if an allow-list entry is not an IP or CIDR range
	 */
	public EgressPolicy {
		allowList = (allowList != null) ? List.copyOf(allowList) : List.of();
		allowList.forEach(AddressRange::parse);
	}

	/**
	 * The policy for production: public addresses over {@code https} only.
	 * @return the policy
	 */
	public static EgressPolicy strict() {
		return new EgressPolicy(false, List.of());
	}

	/**
	 * Whether a resolved address may be connected to: a public address, an address the
	 * allow-list names, or any address when private networks are allowed.
	 * @param address the resolved address
	 * @return whether Switchboard may connect to it
	 */
	public boolean permits(InetAddress address) {
		return this.allowPrivateNetworks || AddressClass.of(address) == AddressClass.PUBLIC
				|| this.allowList.stream().anyMatch((entry) -> AddressRange.parse(entry).contains(address));
	}

	/**
	 * Checks a destination URL before any connection: the scheme must be {@code https}
	 * (or {@code http} when private networks are allowed), it must have a host and no
	 * user info ({@code user:pass@}), and a host that is an IP literal must be
	 * {@link #permits(InetAddress) permitted}. A host name is judged again, on what it
	 * resolves to, each time a connection is made.
	 * @param url the URL
	 * @return the problem, as a sentence, or empty when the URL is fine
	 */
	public Optional<String> checkUrl(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			return Optional.of("The destination URL must be absolute and start with https://.");
		}
		if (!scheme.equals("https") && !(scheme.equals("http") && this.allowPrivateNetworks)) {
			return Optional.of("The destination URL must use https, not " + scheme + ".");
		}
		if (url.getRawUserInfo() != null) {
			return Optional.of("The destination URL must not contain a user name or password (user:pass@).");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			return Optional.of("The destination URL has no valid host name.");
		}
		InetAddress literal = literal(host);
		if (literal != null && !permits(literal)) {
			return Optional.of("The destination host " + host + " is " + AddressClass.of(literal).withArticle()
					+ " address, which Switchboard does not connect to.");
		}
		return Optional.empty();
	}

	/**
	 * Refuses an address that this policy does not permit.
	 * @param host the host name that was asked for
	 * @param address the address it resolved to
	 * @throws EgressRefusedException if the address is not permitted
	 */
	void requirePermitted(String host, InetAddress address) throws EgressRefusedException {
		if (!permits(address)) {
			throw new EgressRefusedException(host, address, AddressClass.of(address));
		}
	}

	private static InetAddress literal(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		return NetUtil.createInetAddressFromIpAddressString(bare);
	}

}
