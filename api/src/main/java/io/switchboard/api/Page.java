package io.switchboard.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import io.switchboard.api.problem.ApiProblem;

/**
 * One page of a list: {@code {"data": […], "nextCursor": …}}; {@code nextCursor} is
 * {@code null} on the last page. Cursors are opaque to clients (the last id, encoded).
 *
 * @param data the items, newest first
 * @param nextCursor the cursor of the next page, or {@code null}
 * @param <T> the item type
 */
public record Page<T>(List<T> data, String nextCursor) {

	/** The largest page a client may ask for. */
	public static final int MAX_LIMIT = 200;

	/**
	 * A list that fits in one page.
	 * @param data the items
	 * @param <T> the item type
	 * @return the page
	 */
	public static <T> Page<T> of(List<T> data) {
		return new Page<>(data, null);
	}

	/**
	 * A page from up to {@code limit + 1} rows: the extra row only says there is more.
	 * @param rows the rows read, at most {@code limit + 1}
	 * @param limit the page size asked for
	 * @param idOf the id of a row, for the cursor
	 * @param <T> the item type
	 * @return the page
	 */
	public static <T> Page<T> cut(List<T> rows, int limit, Function<T, String> idOf) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		String last = idOf.apply(page.get(limit - 1));
		return new Page<>(page,
				Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The id a cursor stands for.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @param parse reads the id
	 * @param <I> the id type
	 * @return the id, or {@code null}
	 * @throws ApiProblem if the cursor was not given out by this API
	 */
	public static <I> I after(String cursor, Function<String, I> parse) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return parse.apply(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalid("cursor", "not a cursor this API gave out");
		}
	}

	/**
	 * Checks a page size.
	 * @param limit the size asked for
	 * @return the size
	 * @throws ApiProblem if it is out of range
	 */
	public static int checkedLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalid("limit", "must be 1 to " + MAX_LIMIT);
		}
		return limit;
	}

}
