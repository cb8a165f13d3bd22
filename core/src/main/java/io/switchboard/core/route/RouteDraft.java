package io.switchboard.core.route;

import java.util.List;

/**
 * A new route as someone asked for it, not yet checked.
 *
 * @param sourceId where events come from ({@code src_…}, as given)
 * @param destinationId where they go ({@code dst_…}, as given)
 * @param eventTypes patterns such as {@code *}, {@code call.*} or {@code call.completed};
 * {@code null} or empty for every type
 * @param ordering {@code none} or {@code per-call}; {@code null} for none
 * @param filter a rule on the payload as JSON text; {@code null}, blank or {@code {}} for
 * none
 */
public record RouteDraft(String sourceId, String destinationId, List<String> eventTypes, String ordering,
		String filter) {

}
