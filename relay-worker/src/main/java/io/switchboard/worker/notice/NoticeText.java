package io.switchboard.worker.notice;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.notification.LeasedNotice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a notice says, for people, whatever channel carries it: a title, then what is
 * wrong, why (the last attempt's status and error), since when, what it affects and the
 * portal page that fixes it; for a resolved issue, how it cleared. A digest says the same
 * of each update it gathers.
 *
 * @param title one line
 * @param lines the rest, one fact each
 * @param link the portal page to open
 * @param resolved whether it tells of something fixed
 */
record NoticeText(String title, List<String> lines, String link, boolean resolved) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Renders a notice.
	 * @param notice the notice
	 * @param portal the portal's address ({@code switchboard.public-url})
	 * @return the text
	 */
	static NoticeText of(LeasedNotice notice, URI portal) {
		JsonNode content = JSON.readTree(notice.content());
		String base = portal.toString().replaceAll("/+$", "");
		return switch (notice.change()) {
			case "test" -> new NoticeText("Test notice from Switchboard", List.of(text(content, "summary")),
					base + "/notifications", false);
			case "updated" -> digest(content, base);
			default -> issue(content, notice.change(), base);
		};
	}

	private static NoticeText issue(JsonNode issue, String change, String base) {
		boolean resolved = "resolved".equals(change);
		String what = describe(text(issue, "kind"));
		String name = text(issue, "resourceName");
		String title = (resolved ? "Resolved: " : "") + what + ((name != null) ? ": \"" + name + "\"" : "");
		List<String> lines = new ArrayList<>();
		lines.add(text(issue, "summary"));
		if (resolved) {
			lines.add("Resolved " + text(issue, "resolvedAt") + ": " + text(issue, "resolution"));
		}
		else {
			why(issue.path("lastAttempt")).ifPresent(lines::add);
		}
		lines.add("Since: " + text(issue, "openedAt"));
		lines.add("Affects: " + affects(issue));
		String link = link(issue, base);
		lines.add((resolved ? "Details: " : "Fix it: ") + link);
		return new NoticeText(title, lines, link, resolved);
	}

	private static NoticeText digest(JsonNode content, String base) {
		List<String> lines = new ArrayList<>();
		String link = base + "/issues";
		for (JsonNode item : content.path("items")) {
			lines.add(text(item, "summary") + " (since " + text(item, "openedAt") + "; " + affects(item) + ") "
					+ link(item, base));
		}
		return new NoticeText("Switchboard digest: " + lines.size() + " update(s) to open issues", lines, link, false);
	}

	private static Optional<String> why(JsonNode attempt) {
		if (!attempt.isObject()) {
			return Optional.empty();
		}
		String status = text(attempt, "status");
		String error = text(attempt, "error");
		String answer = (status != null) ? "the receiver answered HTTP " + status
				: (error != null) ? "it failed: " + error : "it " + text(attempt, "outcome");
		return Optional
			.of("Why: attempt " + text(attempt, "number") + " at " + text(attempt, "at") + " — " + answer + ".");
	}

	private static String affects(JsonNode issue) {
		String name = "\"" + text(issue, "resourceName") + "\"";
		if ("source".equals(text(issue, "resourceType"))) {
			return "events sent to source " + name + " are refused and not relayed";
		}
		String waiting = text(issue, "waiting");
		return "destination " + name + ((waiting != null) ? ", " + waiting + " deliveries waiting or paused" : "");
	}

	private static String link(JsonNode issue, String base) {
		String resource = text(issue, "resourceId");
		if (resource == null) {
			return base + "/issues";
		}
		UUID id = UUID.fromString(resource);
		return switch (String.valueOf(text(issue, "resourceType"))) {
			case "destination" -> base + "/destinations/" + new DestinationId(id);
			case "source" -> base + "/sources/" + new SourceId(id);
			default -> base + "/issues";
		};
	}

	private static String describe(String kind) {
		return switch (String.valueOf(kind)) {
			case "destination-disabled" -> "Destination switched off";
			case "destination-failing" -> "Destination failing";
			case "source-rejecting" -> "Source refusing requests";
			case "deliveries-dead" -> "Deliveries went dead";
			default -> "Issue";
		};
	}

	/**
	 * A field's text, or {@code null} when it is missing or null.
	 */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	/**
	 * The issue a notice tells of, as the API shows its id.
	 * @param content the notice's content
	 * @return {@code iss_…}, or {@code null} for a test or a digest
	 */
	static String issueId(JsonNode content) {
		String id = text(content, "issueId");
		return (id != null) ? new IssueId(UUID.fromString(id)).toString() : null;
	}

	/**
	 * All of it as plain text.
	 * @return the title, a blank line, then a line per fact
	 */
	String plain() {
		return this.title + "\n\n" + String.join("\n", this.lines) + "\n";
	}

}
