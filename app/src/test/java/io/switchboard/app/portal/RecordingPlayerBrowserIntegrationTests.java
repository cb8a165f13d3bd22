package io.switchboard.app.portal;

import java.time.Duration;
import java.util.UUID;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.fixture.MinariCalls;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.UserRepository;
import io.switchboard.testsupport.MinariAssetServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event page of a Minari call in a real headless Chromium: the archived recording
 * plays in an HTML audio element (loaded through Switchboard's own link, with ranges),
 * and the transcript is shown.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.assets.poll-interval=100ms" })
class RecordingPlayerBrowserIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Autowired
	ApplicationContext context;

	@Autowired
	AssetRepository assets;

	@Test
	void theRecordingPlaysAndTheTranscriptIsShown() throws Exception {
		String email = "player-" + UUID.randomUUID() + "@example.com";
		try (MinariAssetServer minari = new MinariAssetServer();
				Browser browser = new Browser("http://127.0.0.1:" + this.port)) {
			browser.open("/signup");
			browser.type("organisation", "Player Co");
			browser.type("email", email);
			browser.type("password", PASSWORD);
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Your relay in three steps"));
			TenantId tenant = this.users.findByEmail(email).block().tenantId();
			EventId event = MinariCalls.store(this.context, MinariCalls.createSource(this.context, tenant),
					minari.recordingUrl(Duration.ofHours(24)), minari.transcriptUrl(Duration.ofHours(24)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.assets.findByEvent(tenant, event).collectList().block(),
						(found) -> found.size() == 2 && found.stream().allMatch(Asset::archived));

			browser.open("/events/" + event);
			assertThat(browser.find(By.id("assets")).getText()).isEqualTo("Recording and transcript");
			JavascriptExecutor script = (JavascriptExecutor) browser.driver();
			// metadata loaded: Chromium fetched and decoded the MP3 through the link
			Object duration = browser
				.await((driver) -> script.executeScript("const a = document.querySelector('audio.recording');"
						+ " return (a && a.readyState >= 1 && !a.error && a.duration > 0) ? a.duration : null;"));
			assertThat(((Number) duration).doubleValue()).isGreaterThan(10);
			// and it seeks: the browser asks for the bytes from there on
			script.executeScript("document.querySelector('audio.recording').currentTime = 8;");
			browser.await((driver) -> script.executeScript(
					"const a = document.querySelector('audio.recording'); return a.readyState >= 2 || null;"));
			assertThat(browser.find(By.cssSelector("pre.transcript")).getText()).contains("Hello, John speaking?");
			browser.screenshot("event-recording-player");
		}
	}

}
