package io.switchboard.core.schema;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.extension.Extension;
import io.r2dbc.postgresql.message.Format;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Encodes {@link BinaryBytes} as a binary {@code bytea} parameter (it only encodes:
 * results come back through the driver's own codecs).
 */
public final class BinaryBytesCodec implements Codec<BinaryBytes> {

	/** PostgreSQL's type id of {@code bytea}. */
	private static final int BYTEA = 17;

	/**
	 * The driver extension that registers this codec on each connection.
	 * @return the extensions to configure
	 */
	public static List<Extension> extensions() {
		return List.of(new Registrar());
	}

	@Override
	public boolean canDecode(int dataType, Format format, Class<?> type) {
		return false;
	}

	@Override
	public boolean canEncode(Object value) {
		return value instanceof BinaryBytes;
	}

	@Override
	public boolean canEncodeNull(Class<?> type) {
		return type == BinaryBytes.class;
	}

	@Override
	public BinaryBytes decode(ByteBuf buffer, int dataType, Format format, Class<? extends BinaryBytes> type) {
		throw new UnsupportedOperationException("BinaryBytes are only sent");
	}

	@Override
	public EncodedParameter encode(Object value) {
		byte[] bytes = ((BinaryBytes) value).bytes();
		return new EncodedParameter(Format.FORMAT_BINARY, BYTEA,
				Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
	}

	@Override
	public EncodedParameter encode(Object value, int dataType) {
		return encode(value);
	}

	@Override
	public EncodedParameter encodeNull() {
		return new EncodedParameter(Format.FORMAT_BINARY, BYTEA, EncodedParameter.NULL_VALUE);
	}

	private static final class Registrar implements CodecRegistrar {

		@Override
		public Publisher<Void> register(PostgresqlConnection connection, io.netty.buffer.ByteBufAllocator allocator,
				CodecRegistry registry) {
			registry.addFirst(new BinaryBytesCodec());
			return Mono.empty();
		}

	}

}
