package io.switchboard.core.asset;

import java.util.Map;

import io.switchboard.core.destination.AssetLinkMode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts Switchboard's links to archived assets into a payload for a destination that wants
 * them: in place of the original link ({@code archived}), or beside it as
 * {@code archived_<field>} ({@code both}). Fields without an archived asset keep their
 * original link.
 */
public final class ArchivedLinksInPayload {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ArchivedLinksInPayload() {
	}

	/**
	 * The payload as the destination receives it.
	 * @param body the raw payload
	 * @param mode which links the destination wants
	 * @param links Switchboard's link for each archived field, by JSON pointer
	 * @return the new body; the same bytes for {@code original}, no links, or a body that
	 * is not a JSON object
	 */
	public static byte[] apply(byte[] body, AssetLinkMode mode, Map<String, String> links) {
		if (mode == AssetLinkMode.ORIGINAL || links.isEmpty()) {
			return body;
		}
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return body;
		}
		boolean changed = false;
		for (Map.Entry<String, String> link : links.entrySet()) {
			JsonPointer pointer = JsonPointer.compile(link.getKey());
			if (root.at(pointer.head()) instanceof ObjectNode parent
					&& parent.has(pointer.last().getMatchingProperty())) {
				String name = pointer.last().getMatchingProperty();
				parent.put((mode == AssetLinkMode.ARCHIVED) ? name : "archived_" + name, link.getValue());
				changed = true;
			}
		}
		return changed ? JSON.writeValueAsBytes(root) : body;
	}

}
