package io.switchboard.worker.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/**
 * IP literals as addresses, without DNS and keeping IPv6 forms that carry an IPv4 address
 * as IPv6 (the JDK would turn {@code ::ffff:127.0.0.1} into {@code 127.0.0.1}).
 */
final class Addresses {

	private Addresses() {
	}

	static InetAddress of(String literal) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
		if (bytes == null) {
			throw new IllegalArgumentException(literal + " is not an IP literal");
		}
		try {
			return (bytes.length == 16) ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
