package io.switchboard.api;

import java.util.List;

/**
 * One page of a list: {@code {"data": […], "nextCursor": …}}; {@code nextCursor} is
 * {@code null} on the last page.
 *
 * @param data the items, newest first
 * @param nextCursor the cursor of the next page, or {@code null}
 * @param <T> the item type
 */
public record Page<T>(List<T> data, String nextCursor) {

	/**
	 * A list that fits in one page.
	 * @param data the items
	 * @param <T> the item type
	 * @return the page
	 */
	public static <T> Page<T> of(List<T> data) {
		return new Page<>(data, null);
	}

}
