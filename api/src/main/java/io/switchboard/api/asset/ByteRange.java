package io.switchboard.api.asset;

/**
 * The one byte range a {@code Range} header asks for, resolved against a length:
 * {@code bytes=10-19}, {@code bytes=10-} or {@code bytes=-10}.
 *
 * @param from the first byte
 * @param to the last byte, inclusive
 */
record ByteRange(long from, long to) {

	/**
	 * Reads a {@code Range} header.
	 * @param header the header, or {@code null}
	 * @param length the asset's length
	 * @return the range; the whole asset when there is no header, or it is not a single
	 * byte range (several ranges, other units: answered whole, as RFC 9110 allows);
	 * {@code null} when the range cannot be satisfied
	 */
	static ByteRange of(String header, long length) {
		ByteRange whole = new ByteRange(0, length - 1);
		if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
			return whole;
		}
		String spec = header.substring("bytes=".length()).strip();
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return whole;
		}
		try {
			String first = spec.substring(0, dash).strip();
			String last = spec.substring(dash + 1).strip();
			if (first.isEmpty()) {
				long suffix = Long.parseLong(last);
				return (suffix > 0 && length > 0) ? new ByteRange(Math.max(0, length - suffix), length - 1) : null;
			}
			long from = Long.parseLong(first);
			long to = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
			return (from < length && from <= to) ? new ByteRange(from, to) : null;
		}
		catch (NumberFormatException ex) {
			return whole;
		}
	}

	long length() {
		return this.to - this.from + 1;
	}

	boolean whole(long length) {
		return this.from == 0 && this.to == length - 1;
	}

}
