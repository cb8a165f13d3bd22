package io.switchboard.admin.destination;

import java.util.List;

import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationSettings;

/**
 * The kinds of receiver the portal offers, each with where to find its URL.
 *
 * @param kind the destination kind
 * @param title what people call it
 * @param help where its URL comes from
 * @param example what its URL looks like
 */
record Preset(DestinationKind kind, String title, String help, String example) {

	static final List<Preset> ALL = List.of(new Preset(DestinationKind.ZAPIER, "Zapier",
			"In Zapier, create a Zap whose trigger is Webhooks by Zapier → Catch Hook. Copy the URL Zapier shows "
					+ "and paste it here. Zapier takes fewer than 30 requests a second, so the rate limit starts at 25.",
			"https://hooks.zapier.com/hooks/catch/123456/abcdef/"),
			new Preset(DestinationKind.N8N, "n8n",
					"In n8n, start a workflow with a Webhook node (HTTP method POST). Copy its Production URL "
							+ "(…/webhook/…) and activate the workflow: the Test URL only works while the editor listens.",
					"https://n8n.example.com/webhook/3f1c…"),
			new Preset(DestinationKind.MAKE, "Make",
					"In Make, start a scenario with Webhooks → Custom webhook, click Add, name it and copy the "
							+ "address. Switch the scenario on. The rate limit starts at 25 a second.",
					"https://hook.eu1.make.com/abc123…"),
			new Preset(DestinationKind.CUSTOM, "Custom endpoint",
					"Any HTTPS endpoint that answers 2xx. Verify our signature with this destination's whsec_… "
							+ "secret (Standard Webhooks libraries do it in one call), or pick the MiniVoice or Minari "
							+ "style if your receiver already checks those.",
					"https://crm.example.com/hooks/calls"));

	static Preset of(String key) {
		return ALL.stream()
			.filter((preset) -> preset.kind().key().equals(key))
			.findFirst()
			.orElse(ALL.get(ALL.size() - 1));
	}

	public String key() {
		return this.kind.key();
	}

	DestinationSettings defaults() {
		return DestinationSettings.defaults(this.kind);
	}

}
