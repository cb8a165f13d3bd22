package io.switchboard.worker.egress;

import java.net.InetAddress;

/**
 * What kind of network an address belongs to. Only {@link #PUBLIC} addresses are
 * reachable by default; every other class points inwards (or nowhere useful). IPv6 forms
 * that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4
 * they carry.
 */
enum AddressClass {

	PUBLIC("public"), UNSPECIFIED("unspecified"), THIS_NETWORK("'this network'"), LOOPBACK("loopback"),
	PRIVATE("private"), LINK_LOCAL("link-local"), UNIQUE_LOCAL("unique-local"), MULTICAST("multicast"),
	SHARED("carrier-grade NAT"), METADATA("cloud metadata"), BROADCAST("broadcast"), BENCHMARKING("benchmarking"),
	DOCUMENTATION("documentation"), TUNNEL("Teredo tunnel"), RESERVED("reserved");

	private final String label;

	AddressClass(String label) {
		this.label = label;
	}

	/**
	 * The words used in messages, such as {@code loopback}.
	 * @return the label
	 */
	String label() {
		return this.label;
	}

	/**
	 * The label with its article, such as {@code a loopback} or {@code an unspecified}.
	 * @return the words
	 */
	String withArticle() {
		boolean vowelSound = "aeiou".indexOf(this.label.charAt(0)) >= 0 && !this.label.startsWith("uni");
		return (vowelSound ? "an " : "a ") + this.label;
	}

	static AddressClass of(InetAddress address) {
		byte[] bytes = address.getAddress();
		return (bytes.length == 4) ? ofIpv4(bytes, 0) : ofIpv6(bytes);
	}

	private static AddressClass ofIpv4(byte[] b, int at) {
		int a0 = b[at] & 0xff;
		int a1 = b[at + 1] & 0xff;
		int a2 = b[at + 2] & 0xff;
		int a3 = b[at + 3] & 0xff;
		int all = (a0 << 24) | (a1 << 16) | (a2 << 8) | a3;
		if (all == 0) {
			return UNSPECIFIED;
		}
		if (all == 0xffffffff) {
			return BROADCAST;
		}
		if (all == 0xa9fea9fe || all == 0xa83f8110) {
			// 169.254.169.254 (AWS, GCP, Azure, ...), 168.63.129.16 (Azure host)
			return METADATA;
		}
		if (a0 == 0) {
			return THIS_NETWORK;
		}
		if (a0 == 127) {
			return LOOPBACK;
		}
		if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
			return PRIVATE;
		}
		if (a0 == 169 && a1 == 254) {
			return LINK_LOCAL;
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return SHARED;
		}
		if (a0 >= 224 && a0 <= 239) {
			return MULTICAST;
		}
		if (a0 >= 240) {
			return RESERVED;
		}
		if (a0 == 198 && (a1 & 0xfe) == 18) {
			return BENCHMARKING;
		}
		if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
				|| (a0 == 203 && a1 == 0 && a2 == 113)) {
			return DOCUMENTATION;
		}
		if (a0 == 192 && ((a1 == 0 && a2 == 0) || (a1 == 88 && a2 == 99))) {
			// IETF protocol assignments, 6to4 relay anycast
			return RESERVED;
		}
		return PUBLIC;
	}

	private static AddressClass ofIpv6(byte[] b) {
		if (zeros(b, 0, 10)) {
			if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				return ofIpv4(b, 12); // ::ffff:a.b.c.d
			}
			if (zeros(b, 10, 15)) {
				return (b[15] == 0) ? UNSPECIFIED : (b[15] == 1) ? LOOPBACK : RESERVED;
			}
			if (zeros(b, 10, 12)) {
				return ofIpv4(b, 12); // ::a.b.c.d (IPv4-compatible)
			}
			return RESERVED;
		}
		if (startsWith(b, 0x00, 0x64, 0xff, 0x9b)) {
			// 64:ff9b::/96 NAT64 carries an IPv4; 64:ff9b:1::/48 is for local use
			return zeros(b, 4, 12) ? ofIpv4(b, 12) : RESERVED;
		}
		if (startsWith(b, 0x20, 0x02)) {
			return ofIpv4(b, 2); // 2002:a.b.c.d::/48 (6to4)
		}
		if (startsWith(b, 0xfd, 0x00, 0x0e, 0xc2) && zeros(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54) {
			return METADATA; // fd00:ec2::254 (AWS over IPv6)
		}
		int b0 = b[0] & 0xff;
		int b1 = b[1] & 0xff;
		if ((b0 & 0xfe) == 0xfc) {
			return UNIQUE_LOCAL;
		}
		if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
			return LINK_LOCAL;
		}
		if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
			return PRIVATE; // fec0::/10, the deprecated site-local range
		}
		if (b0 == 0xff) {
			return MULTICAST;
		}
		if (startsWith(b, 0x20, 0x01, 0x0d, 0xb8) || (b0 == 0x3f && (b1 & 0xf0) == 0xf0)) {
			return DOCUMENTATION; // 2001:db8::/32, 3fff::/20
		}
		if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
			return TUNNEL;
		}
		if (startsWith(b, 0x20, 0x01, 0x00, 0x02, 0x00, 0x00)) {
			return BENCHMARKING; // 2001:2::/48
		}
		// everything else outside 2000::/3 (global unicast) is not handed out
		return ((b0 & 0xe0) == 0x20) ? PUBLIC : RESERVED;
	}

	private static boolean zeros(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
