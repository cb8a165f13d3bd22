package io.switchboard.core.source;

/**
 * How a generic HMAC sender signs: which header, which hash, how the digest is written.
 *
 * @param header the request header that carries the signature
 * @param algorithm {@code sha256} or {@code sha512}
 * @param encoding {@code hex} or {@code base64}
 * @param prefix text before the digest (such as {@code sha256=}), or {@code null}
 */
public record HmacScheme(String header, String algorithm, String encoding, String prefix) {

}
