package io.switchboard.api.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps Reactor Netty reading a kept-alive connection once a response is out. In Reactor
 * Netty 1.3.6 (and up to 1.3.8), a request that arrives on a kept-alive connection before
 * the previous response has been fully flushed is queued ("Buffering keep-alive request,
 * previous ops not yet terminated"); when that queue drains, the server can forget to ask
 * the connection for more, and the client's next request on it is never read: it waits
 * until the client gives up (reactor/reactor-netty#4361 and #4347, fixed after 1.3.8, not
 * released yet). Seen here as readiness and liveness probes that hung 20 s, and as rare
 * stalls of kept-alive senders. After each response's last part is written, this asks the
 * connection to read, which is what Reactor Netty does itself when it does not forget: a
 * read with nothing to read costs nothing, and a waiting request is then served. (Reactor
 * Netty's switch {@code reactor.netty.http.server.lastFlushWhenNoRead} also avoids the
 * hang, but closes the connection under a client still sending a body it refused, so the
 * client reads a reset instead of the 413.)
 */
@Component
class ResumeReadAfterResponse implements NettyServerCustomizer {

	private static final String NAME = "switchboard.resumeReadAfterResponse";

	@Override
	public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
		return server.doOnConnection(ResumeReadAfterResponse::install);
	}

	/** Once per connection, for its whole life, just before Reactor Netty's bridge. */
	private static void install(Connection connection) {
		ChannelPipeline pipeline = connection.channel().pipeline();
		if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.ReactiveBridge) != null) {
			pipeline.addBefore(NettyPipeline.ReactiveBridge, NAME, new Reader());
		}
	}

	private static final class Reader extends ChannelOutboundHandlerAdapter {

		@Override
		public boolean isSharable() {
			return false;
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
			if (message instanceof LastHttpContent) {
				ChannelPromise written = promise.unvoid();
				written.addListener((future) -> {
					if (future.isSuccess() && context.channel().isActive()) {
						context.channel().eventLoop().execute(context::read);
					}
				});
				super.write(context, message, written);
				return;
			}
			super.write(context, message, promise);
		}

	}

}
