package io.switchboard.worker.egress;

import java.net.InetAddress;
import java.util.Arrays;

import io.netty.util.NetUtil;

/**
 * One allow-list entry: a single IP address ({@code 10.0.0.5}, {@code fd12::7}) or a CIDR
 * range ({@code 10.0.0.0/8}, {@code fd12::/16}). Entries are parsed as literals only, so
 * reading the allow-list never asks DNS anything.
 */
final class AddressRange {

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses an entry.
	 * @param entry the entry
	 * @return the range
	 * @throws IllegalArgumentException if the entry is not an IP address or CIDR range
	 */
	static AddressRange parse(String entry) {
		String text = entry.strip();
		int slash = text.indexOf('/');
		byte[] network = NetUtil.createByteArrayFromIpAddressString((slash < 0) ? text : text.substring(0, slash));
		if (network == null) {
			throw new IllegalArgumentException("Allow-list entry '" + entry + "' is not an IP address or CIDR range");
		}
		int bits = network.length * 8;
		int prefixLength = (slash < 0) ? bits : prefixLength(entry, text.substring(slash + 1), bits);
		if (network.length == 16 && isMapped(network) && prefixLength >= 96) {
			return new AddressRange(unmapped(network), prefixLength - 96);
		}
		return new AddressRange(network, prefixLength);
	}

	private static int prefixLength(String entry, String text, int bits) {
		try {
			int prefixLength = Integer.parseInt(text);
			if (prefixLength >= 0 && prefixLength <= bits) {
				return prefixLength;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new IllegalArgumentException(
				"Allow-list entry '" + entry + "' has a prefix length that is not between 0 and " + bits);
	}

	/**
	 * Whether the range holds an address. An IPv4-mapped IPv6 address
	 * ({@code ::ffff:a.b.c.d}) is the IPv4 address it maps.
	 * @param address the address
	 * @return whether the range holds it
	 */
	boolean contains(InetAddress address) {
		byte[] bytes = unmapped(address.getAddress());
		if (bytes.length != this.network.length) {
			return false;
		}
		int whole = this.prefixLength / 8;
		if (!Arrays.equals(bytes, 0, whole, this.network, 0, whole)) {
			return false;
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (bytes[whole] & mask) == (this.network[whole] & mask);
	}

	private static byte[] unmapped(byte[] bytes) {
		if (bytes.length == 16 && isMapped(bytes)) {
			return Arrays.copyOfRange(bytes, 12, 16);
		}
		return bytes;
	}

	private static boolean isMapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

}
