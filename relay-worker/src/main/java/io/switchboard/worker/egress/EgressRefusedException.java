package io.switchboard.worker.egress;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A connection that the {@link EgressPolicy} refuses: the destination's host is, or
 * resolves to, an address that points inwards. Retrying does not help until the host
 * resolves elsewhere or the policy changes. The message, which tenants read in their
 * attempt log, says the class of the address ("a private address"), never the address:
 * test sends must not map the operator's internal names to their addresses.
 */
public class EgressRefusedException extends IOException {

	private final String host;

	private final InetAddress address;

	EgressRefusedException(String host, InetAddress address, AddressClass addressClass) {
		super("destination host '" + host + "' resolves to " + addressClass.withArticle()
				+ " address, which Switchboard does not connect to");
		this.host = host;
		this.address = address;
	}

	EgressRefusedException(String host, String reason) {
		super("destination '" + host + "' " + reason + ", which Switchboard does not connect to");
		this.host = host;
		this.address = null;
	}

	/**
	 * The host name that was asked for.
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The address that was refused.
	 * @return the address, or {@code null} when the destination was not an IP address
	 */
	public InetAddress address() {
		return this.address;
	}

}
