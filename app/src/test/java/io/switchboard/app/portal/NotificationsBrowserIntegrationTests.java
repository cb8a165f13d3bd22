package io.switchboard.app.portal;

import java.time.Duration;
import java.util.UUID;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.UserRepository;
import io.switchboard.testsupport.TestReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Notifications page in a real headless Chromium against the whole app: an owner adds
 * a Slack channel (a wrong URL is refused beside its field), sends a test notice and sees
 * that it was sent; a destination switched off after a 410 then shows on the Issues page
 * and its notice reaches the channel; the page fits a phone.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.issues.scan-interval=300ms",
				"switchboard.notifications.poll-interval=200ms" })
class NotificationsBrowserIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Autowired
	DestinationRepository destinations;

	@Test
	void ownerAddsSlackChannelTestsItAndHearsOfAnIssue() throws Exception {
		try (Browser browser = new Browser("http://127.0.0.1:" + this.port); TestReceiver slack = new TestReceiver()) {
			String email = "notify-" + UUID.randomUUID() + "@example.com";
			browser.open("/signup");
			browser.type("organisation", "Notify Calls");
			browser.type("email", email);
			browser.type("password", PASSWORD);
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Your relay in three steps"));

			browser.click(By.linkText("Notifications"));
			browser.await((driver) -> browser.heading().equals("Notifications"));
			assertThat(browser.find(By.id("no-channels")).getText()).contains("No channels yet");
			new Select(browser.find(By.id("type"))).selectByValue("slack");
			browser.type("name", "#ops");
			browser.type("target", "not a url");
			browser.click(By.cssSelector("#add-channel button[type=submit]"));
			assertThat(browser.await((driver) -> driver.findElement(By.id("target-error"))).getText())
				.contains("https:// URL");
			browser.type("target", slack.url());
			browser.click(By.cssSelector("#add-channel button[type=submit]"));
			assertThat(browser.await((driver) -> driver.findElement(By.id("created"))).getText())
				.contains("#ops added");
			browser.screenshot("notifications");

			browser.click(By.xpath("//button[text()='Send a test notice']"));
			assertThat(browser.await((driver) -> driver.findElement(By.id("test-result"))).getText()).contains("sent");
			assertThat(slack.received()).hasSize(1);
			assertThat(slack.received().get(0).body()).contains("Test notice from Switchboard");
			browser.screenshot("notifications-tested");

			TenantId tenant = this.users.findByEmail(email).block().tenantId();
			Destination zap = this.destinations
				.create(tenant, "Deleted Zap", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/z/")
				.block();
			this.destinations.disable(tenant, zap.id(), "The receiver answered 410 Gone: the Zap was deleted.").block();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> slack.received().size() == 2);
			assertThat(slack.received().get(1).body()).contains("Deleted Zap").contains("410 Gone");
			browser.open("/issues");
			assertThat(browser.find(By.tagName("main")).getText()).contains("Deleted Zap").contains("410 Gone");
			browser.screenshot("issues-notified");

			browser.phone(true);
			browser.open("/notifications");
			JavascriptExecutor script = (JavascriptExecutor) browser.driver();
			Awaitility.await("no sideways scrolling at 375 px")
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Boolean.TRUE
					.equals(script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")));
			browser.screenshot("notifications-phone");
		}
	}

}
