package io.switchboard.worker.egress;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Checks the address a channel connects to, as it connects. Netty does not ask the
 * resolver about an IP literal ({@code https://127.0.0.1/}), so this is where literals
 * are refused; it also refuses non-IP addresses (Unix domain sockets) unless private
 * networks are allowed.
 */
@Sharable
final class ConnectGuard extends ChannelOutboundHandlerAdapter {

	private final EgressPolicy policy;

	ConnectGuard(EgressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void connect(ChannelHandlerContext context, SocketAddress remoteAddress, SocketAddress localAddress,
			ChannelPromise promise) {
		try {
			check(remoteAddress);
		}
		catch (EgressRefusedException ex) {
			promise.setFailure(ex);
			context.close();
			return;
		}
		context.connect(remoteAddress, localAddress, promise);
	}

	private void check(SocketAddress remoteAddress) throws EgressRefusedException {
		if (remoteAddress instanceof InetSocketAddress inet && !inet.isUnresolved()) {
			this.policy.requirePermitted(inet.getHostString(), inet.getAddress());
		}
		else if (!this.policy.allowPrivateNetworks()) {
			throw new EgressRefusedException(String.valueOf(remoteAddress), "is not an IP address");
		}
	}

}
