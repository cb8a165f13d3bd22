package io.switchboard.app.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.user.AppUser;
import io.switchboard.core.user.UserRepository;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real headless Chromium against the whole app (api, worker and ui roles)
 * on a random port and a real PostgreSQL: from sign-up to a working MiniVoice relay, a
 * dead letter and its replay; and what people must not be able to do.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.sign-in.max-failures=3",
				// Dead letters on purpose: a circuit breaker
				// would hold them back instead.
				"switchboard.worker.circuit-minimum-calls=1000" })
class PortalBrowserIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static TestReceiver receiver;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Autowired
	Environment environment;

	@BeforeAll
	static void startReceiver() throws Exception {
		receiver = new TestReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void newUserRelaysMiniVoiceEventsAndRecoversDeadLetters() throws Exception {
		try (Browser browser = new Browser(base())) {
			String email = unique("owner");
			browser.open("/signup");
			browser.screenshot("signup");
			browser.type("organisation", "Acme Calls");
			browser.type("email", email);
			browser.type("password", PASSWORD);
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Your relay in three steps"));
			browser.screenshot("home");

			browser.click(By.linkText("Add a source"));
			browser.screenshot("source-new");
			assertThat(browser.find(By.cssSelector("input[name=provider][value=minivoice]")).isSelected()).isTrue();
			browser.type("name", "MiniVoice production");
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("MiniVoice production"));
			String inboundUrl = browser.find(By.id("inbound-url")).getText();
			assertThat(inboundUrl).startsWith(base() + "/in/");
			browser.click(By.xpath("//button[text()='Reveal secret']"));
			String secret = browser.await((driver) -> driver.findElement(By.id("secret-value"))).getText();
			assertThat(browser.find(By.id("test-command")).getText()).contains("SECRET='" + secret + "'")
				.contains(inboundUrl);
			browser.screenshot("source");

			browser.open("/destinations/new");
			browser.screenshot("destination-pick");
			browser.click(By.id("preset-custom"));
			browser.type("name", "CRM receiver");
			browser.type("url", receiver.url());
			browser.click(By.cssSelector("#payload-preview summary"));
			List<WebElement> formats = browser.driver().findElements(By.cssSelector("#payload-preview .format"));
			assertThat(formats).hasSize(4);
			assertThat(formats.get(0).getText()).contains("\"event\" : \"call.completed\"");
			assertThat(formats.get(1).getText()).contains("\"schema\" : \"switchboard.call-event.v1\"");
			assertThat(browser.driver().findElements(By.cssSelector("#payload-preview .format.picked")))
				.allMatch((format) -> "original".equals(format.getAttribute("data-format")))
				.hasSize(2);
			new Select(browser.find(By.id("payloadFormat"))).selectByValue("normalized");
			assertThat(browser.driver().findElements(By.cssSelector("#payload-preview .format.picked")))
				.allMatch((format) -> "normalized".equals(format.getAttribute("data-format")))
				.hasSize(2);
			browser.screenshot("destination-new-preview");
			new Select(browser.find(By.id("payloadFormat"))).selectByValue("original");
			browser.screenshot("destination-new");
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("CRM receiver"));
			assertThat(browser.find(By.id("retrySchedule")).getAttribute("value"))
				.isEqualTo("5s, 5m, 30m, 2h, 5h, 10h, 10h");
			browser.screenshot("destination");
			assertThat(sendTestEvent(browser)).contains("Delivered").contains("status 200");
			browser.screenshot("destination-test-sent");

			browser.open("/destinations/new");
			browser.click(By.id("preset-zapier"));
			assertThat(browser.find(By.tagName("main")).getText()).contains("Catch Hook");
			browser.type("name", "Zap");
			browser.type("url", receiver.url());
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Zap"));
			assertThat(sendTestEvent(browser)).contains("Delivered").contains("status 200");

			browser.open("/routes");
			new Select(browser.find(By.id("sourceId"))).selectByVisibleText("MiniVoice production");
			new Select(browser.find(By.id("destinationId"))).selectByVisibleText("CRM receiver");
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> driver.getPageSource().contains("Route added"));
			browser.screenshot("routes");

			browser.open("/events");
			assertThat(post(inboundUrl, secret, "call_first").statusCode()).isEqualTo(200);
			String delivered = browser.await((driver) -> driver.findElements(By.cssSelector("#deliveries tbody tr"))
				.stream()
				.map(WebElement::getText)
				.filter((row) -> row.contains("call_first") && row.contains("delivered"))
				.findFirst()
				.orElse(null));
			assertThat(delivered).contains("CRM receiver").contains("MiniVoice production");
			browser.screenshot("events");

			receiver.answer(500);
			browser.click(By.linkText("Destinations"));
			browser.click(By.linkText("CRM receiver"));
			browser.type("retrySchedule", "100ms, 100ms");
			browser.click(By.xpath("//button[text()='Save settings']"));
			browser.await((driver) -> driver.getPageSource().contains("Settings saved."));
			assertThat(browser.find(By.id("retrySchedule")).getAttribute("value")).isEqualTo("100ms, 100ms");

			browser.open("/events?status=dead");
			assertThat(post(inboundUrl, secret, "call_second").statusCode()).isEqualTo(200);
			browser.await((driver) -> driver.findElements(By.cssSelector("#deliveries tbody tr"))
				.stream()
				.anyMatch((row) -> row.getText().contains("call_second") && row.getText().contains("dead")));

			browser.open("/dead-letters");
			WebElement dead = browser.find(By.cssSelector("#dead-letters tbody tr"));
			assertThat(dead.getText()).contains("call.completed").contains("500");
			String deliveryId = dead.getAttribute("data-delivery");
			browser.screenshot("dead-letters");
			String eventPath = dead.findElement(By.tagName("a")).getAttribute("href").replace(base(), "");
			receiver.answer(200);
			dead.findElement(By.cssSelector("input[type=checkbox]")).click();
			browser.click(By.xpath("//button[text()='Replay selected']"));
			browser.await((driver) -> driver.getPageSource().contains("1 replayed."));

			browser.open(eventPath);
			browser.await((driver) -> {
				driver.navigate().refresh();
				return driver.findElements(By.cssSelector(".delivery .status-delivered")).size() == 1;
			});
			assertThat(browser.find(By.tagName("main")).getText()).contains(deliveryId)
				.contains("manual")
				.contains("\"id\" : \"call_second\"");
			browser.screenshot("event");

			receiver.answer(500);
			browser.open("/events?status=dead");
			assertThat(post(inboundUrl, secret, "call_third").statusCode()).isEqualTo(200);
			assertThat(post(inboundUrl, secret, "call_fourth").statusCode()).isEqualTo(200);
			browser.await((driver) -> driver.findElements(By.cssSelector("#deliveries tbody tr"))
				.stream()
				.map(WebElement::getText)
				.filter((row) -> row.contains("dead") && (row.contains("call_third") || row.contains("call_fourth")))
				.count() == 2);
			receiver.answer(200);
			browser.open("/dead-letters");
			browser.click(By.xpath("//button[text()='Replay all matching']"));
			browser.await((driver) -> {
				driver.switchTo().alert().accept();
				return true;
			});
			browser.await((driver) -> driver.findElement(By.id("job-progress")).getText().contains("2 of 2 replayed"));
			assertThat(browser.find(By.id("job-progress")).getText()).contains("finished");
			browser.screenshot("bulk-replay");
			browser.open("/events?status=delivered&callId=call_fourth");
			browser.await((driver) -> driver.findElements(By.cssSelector("#deliveries tbody tr"))
				.stream()
				.anyMatch((row) -> row.getText().contains("call_fourth")));

			browser.open("/");
			String activity = browser.await((driver) -> {
				driver.navigate().refresh();
				String figures = driver.findElement(By.id("activity")).getText();
				return figures.contains("Deliveries delivered\n4") ? figures : null;
			});
			assertThat(activity).contains("Events in\n4").contains(" ms / ");
			assertThat(browser.find(By.cssSelector("#chart-events desc")).getAttribute("textContent"))
				.startsWith("4 events in the last 24 hours");
			assertThat(browser.find(By.cssSelector("#chart-deliveries desc")).getAttribute("textContent"))
				.contains("4 delivered");
			assertThat(browser.driver().findElements(By.cssSelector("#chart-events rect.events"))).isNotEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("#chart-deliveries rect.delivered"))).isNotEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("#chart-latency circle.p95"))).isNotEmpty();
			browser.screenshot("dashboard");

			browser.phone(true);
			browser.open("/events");
			browser.screenshot("events-phone");
			browser.open(eventPath);
			browser.screenshot("event-phone");
			for (String path : List.of(eventPath, "/", "/tokens", "/team", "/destinations/new?kind=custom", "/routes",
					"/dead-letters", "/audit-log", "/issues")) {
				browser.open(path);
				// Chromium sometimes lays a page out once before its stylesheet applies
				// (seen: the audit log's table 734 px wide in the page's default font,
				// fitting a moment later): the page must come to fit, and stay wider only
				// if it really is.
				JavascriptExecutor script = (JavascriptExecutor) browser.driver();
				Awaitility.await("no sideways scrolling at 375 px on " + path)
					.atMost(Duration.ofSeconds(5))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> Boolean.TRUE.equals(
							script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")));
			}
			browser.open("/");
			browser.screenshot("dashboard-phone");
		}
	}

	@Test
	void ruleBuilderWritesTheFilterAndTriesItBeforeTheRouteIsSaved() throws Exception {
		try (Browser browser = new Browser(base())) {
			String email = unique("filters");
			browser.open("/signup");
			browser.type("organisation", "Filter Co");
			browser.type("email", email);
			browser.type("password", PASSWORD);
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Your relay in three steps"));
			PortalSession setup = new PortalSession(base());
			setup.signIn(email, PASSWORD);
			setup.get("/sources/new");
			setup.post("/sources", Map.of("provider", "minivoice", "name", "Calls"));
			setup.get("/destinations/new?kind=custom");
			setup.post("/destinations",
					Map.of("kind", "custom", "name", "CRM", "url", receiver.url(), "signatureStyle",
							"standard-webhooks", "payloadFormat", "original", "retrySchedule", "5s", "timeoutMs",
							"10000", "rateLimitPerSecond", "", "maxInFlight", "10", "headers", ""));

			browser.open("/routes");
			new Select(browser.find(By.id("sourceId"))).selectByVisibleText("Calls");
			new Select(browser.find(By.id("destinationId"))).selectByVisibleText("CRM");
			WebElement field = browser.find(By.cssSelector(".filter-row .filter-field"));
			field.sendKeys("call.direction");
			new Select(browser.find(By.cssSelector(".filter-row .filter-operator"))).selectByValue("$eq");
			WebElement value = browser.find(By.cssSelector(".filter-row .filter-value"));
			value.sendKeys("outbound");
			assertThat(browser.find(By.id("filter")).getAttribute("value"))
				.contains("\"call.direction\": \"outbound\"");
			new Select(browser.find(By.id("filter-on"))).selectByValue("sample:minivoice");
			browser.click(By.id("filter-try"));
			browser.await((driver) -> browser.find(By.id("filter-result")).getText().startsWith("Held back"));
			assertThat(browser.find(By.id("filter-result")).getText()).contains("does not match");
			browser.screenshot("route-filter-held");

			value.clear();
			value.sendKeys("inbound");
			browser.click(By.id("filter-try"));
			browser.await((driver) -> browser.find(By.id("filter-result")).getText().startsWith("Would be sent"));
			browser.screenshot("route-filter-sent");

			browser.click(By.cssSelector(".filter-row .filter-remove"));
			browser.click(By.cssSelector("[data-filter-add]"));
			browser.find(By.cssSelector(".filter-row .filter-field")).sendKeys("call.status");
			new Select(browser.find(By.cssSelector(".filter-row .filter-operator"))).selectByValue("$regex");
			browser.find(By.cssSelector(".filter-row .filter-value")).sendKeys("(a)\\1");
			browser.click(By.id("filter-try"));
			browser.await((driver) -> browser.find(By.id("filter-result")).getText().contains("linear time"));

			browser.find(By.cssSelector(".filter-row .filter-value")).clear();
			new Select(browser.find(By.cssSelector(".filter-row .filter-operator"))).selectByValue("$in");
			browser.find(By.cssSelector(".filter-row .filter-value")).sendKeys("completed, connected");
			assertThat(browser.find(By.id("filter")).getAttribute("value")).contains("\"$in\"")
				.contains("\"completed\"")
				.contains("\"connected\"");
			browser.click(By.xpath("//button[text()='Add route']"));
			browser.await((driver) -> driver.getCurrentUrl().contains("created"));
			assertThat(browser.find(By.cssSelector("td.filter code")).getText()).contains("completed");
			assertThat(browser.find(By.cssSelector("td.filter .hint")).getText()).isEqualTo("0 held back");

			// editing the route shows its saved rule as rows; a changed row rewrites the
			// rule
			browser.click(By.linkText("Edit"));
			browser.await((driver) -> browser.heading().equals("Calls → CRM"));
			assertThat(browser.find(By.cssSelector(".filter-row .filter-field")).getAttribute("value"))
				.isEqualTo("call.status");
			assertThat(new Select(browser.find(By.cssSelector(".filter-row .filter-operator"))).getFirstSelectedOption()
				.getAttribute("value")).isEqualTo("$in");
			WebElement saved = browser.find(By.cssSelector(".filter-row .filter-value"));
			assertThat(saved.getAttribute("value")).isEqualTo("completed, connected");
			saved.clear();
			saved.sendKeys("completed");
			browser.click(By.xpath("//button[text()='Save route']"));
			browser.await((driver) -> browser.find(By.cssSelector("p.notice")).getText().equals("Route saved."));
			browser.open("/routes");
			assertThat(browser.find(By.cssSelector("td.filter code")).getText()).doesNotContain("connected")
				.contains("completed");

			browser.open("/destinations/new?kind=custom");
			browser.find(By.id("transform"))
				.sendKeys("{\"who\": call.from, \"inbound\": call.direction = \"inbound\"}");
			browser.await((driver) -> browser.find(By.id("transform-result")).getText().contains("\"who\""));
			assertThat(browser.find(By.id("transform-result")).getText()).contains("+15551230001");
			assertThat(browser.find(By.id("transform-result")).getText()).contains("\"inbound\": true");
			browser.screenshot("destination-transform");
			browser.find(By.id("transform")).clear();
			browser.find(By.id("transform")).sendKeys("$match(call.from, /5+/)");
			browser
				.await((driver) -> browser.find(By.id("transform-result")).getText().contains("Regular expressions"));
		}
	}

	@Test
	void apiTokenIsShownOnceWorksWithItsScopesAndIsRevoked() throws Exception {
		try (Browser browser = new Browser(base())) {
			browser.open("/signup");
			browser.type("organisation", "Token Co");
			browser.type("email", unique("tokens"));
			browser.type("password", PASSWORD);
			browser.click(By.cssSelector("button[type=submit].primary"));
			browser.await((driver) -> browser.heading().equals("Your relay in three steps"));

			browser.click(By.linkText("API tokens"));
			browser.await((driver) -> browser.heading().equals("API tokens"));
			browser.click(By.xpath("//button[text()='Issue token']"));
			browser.await((driver) -> driver.findElements(By.id("name-error")).size() == 1);
			assertThat(browser.find(By.id("scopes-error")).getText()).contains("Tick at least one");
			assertThat(browser.find(By.id("name")).getAttribute("aria-describedby")).isEqualTo("name-error");

			browser.type("name", "Reports");
			browser.click(By.id("scope-events-read"));
			new Select(browser.find(By.id("expiresInDays"))).selectByValue("30");
			browser.click(By.xpath("//button[text()='Issue token']"));
			String token = browser.await((driver) -> driver.findElement(By.id("issued-token"))).getText();
			assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
			assertThat(browser.find(By.id("issued-curl")).getText()).contains(token)
				.contains(base() + "/api/v1/events");
			assertThat(browser.find(By.id("tokens")).getText()).contains("Reports")
				.contains("events:read")
				.contains("active");
			browser.screenshot("tokens-issued");

			assertThat(api("/api/v1/events", token).statusCode()).isEqualTo(200);
			HttpResponse<String> wrongScope = api("/api/v1/sources", token);
			assertThat(wrongScope.statusCode()).isEqualTo(403);
			assertThat(wrongScope.body()).contains("insufficient-scope");

			browser.open("/tokens");
			assertThat(browser.driver().getPageSource()).doesNotContain(token);
			browser.click(By.xpath("//tr[td[text()='Reports']]//button[text()='Revoke']"));
			browser.await((driver) -> {
				driver.switchTo().alert().accept();
				return true;
			});
			browser.await((driver) -> driver.getPageSource().contains("Token revoked"));
			assertThat(browser.find(By.id("tokens")).getText()).contains("revoked");
			browser.screenshot("tokens");
			assertThat(api("/api/v1/events", token).statusCode()).isEqualTo(401);
			browser.open("/audit-log");
			assertThat(browser.find(By.tagName("main")).getText()).contains("token.created").contains("token.revoked");
		}
	}

	@Test
	void aChangedRoleOrARemovalAppliesToOpenSessions() throws Exception {
		String ownerEmail = unique("owner");
		PortalSession owner = PortalSession.signedUp(base(), "Roles Co", ownerEmail, PASSWORD);
		AppUser ownerUser = this.users.findByEmail(ownerEmail).block(Duration.ofSeconds(10));
		AppUser admin = teammate(ownerUser, "admin");
		String adminEmail = admin.email();
		PortalSession adminSession = new PortalSession(base());
		assertThat(adminSession.signIn(adminEmail, PASSWORD).statusCode()).isEqualTo(302);
		adminSession.get("/sources/new");
		assertThat(adminSession.post("/sources", Map.of("provider", "minivoice", "name", "By admin")).statusCode())
			.isEqualTo(303);
		adminSession.get("/team");
		assertThat(adminSession.post("/team/members/" + admin.id() + "/role", Map.of("role", "owner"))
			.headers()
			.firstValue("Location")).hasValue("/team?roleNotChanged");
		assertThat(adminSession.post("/team/members/" + ownerUser.id() + "/role", Map.of("role", "viewer"))
			.headers()
			.firstValue("Location")).hasValue("/team?roleNotChanged");

		owner.get("/team");
		assertThat(owner.post("/team/members/" + admin.id() + "/role", Map.of("role", "viewer"))
			.headers()
			.firstValue("Location")).hasValue("/team?roleChanged");
		assertThat(owner.get("/team?roleChanged").body()).contains("Role changed");
		assertThat(adminSession.get("/sources/new").statusCode()).isEqualTo(200);
		assertThat(adminSession.post("/sources", Map.of("provider", "minivoice", "name", "By viewer")).statusCode())
			.isEqualTo(403);
		assertThat(adminSession.get("/team").body()).doesNotContain("Make invitation link");
		assertThat(owner.get("/audit-log").body()).contains("member.role-changed");

		owner.get("/team");
		assertThat(owner.post("/team/members/" + admin.id() + "/delete", Map.of()).statusCode()).isEqualTo(303);
		HttpResponse<String> afterRemoval = adminSession.get("/");
		assertThat(afterRemoval.statusCode()).isEqualTo(302);
		assertThat(afterRemoval.headers().firstValue("Location")).hasValue("/signin");
	}

	@Test
	void aSessionIsKeptInTheDatabaseForEveryReplica() throws Exception {
		String email = unique("replica");
		PortalSession here = PortalSession.signedUp(base(), "Replica Co", email, PASSWORD);
		assertThat(here.get("/").body()).contains(email);
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(SwitchboardApplication.class).run(
				"--switchboard.roles=ui", "--server.port=0",
				"--spring.r2dbc.url=" + this.environment.getProperty("spring.r2dbc.url"),
				"--spring.r2dbc.username=" + this.environment.getProperty("spring.r2dbc.username"),
				"--spring.r2dbc.password=" + this.environment.getProperty("spring.r2dbc.password", ""),
				"--switchboard.secrets.master-key=" + this.environment.getProperty("switchboard.secrets.master-key"))) {
			PortalSession there = here
				.at("http://127.0.0.1:" + ((WebServerApplicationContext) other).getWebServer().getPort());
			HttpResponse<String> page = there.get("/");
			assertThat(page.statusCode()).as("signed in on the other replica too").isEqualTo(200);
			assertThat(page.body()).contains(email);
			assertThat(there.post("/signout", Map.of()).statusCode()).isEqualTo(302);
		}
		HttpResponse<String> afterSignOut = here.get("/");
		assertThat(afterSignOut.statusCode()).as("signed out everywhere").isEqualTo(302);
		assertThat(afterSignOut.headers().firstValue("Location")).hasValue("/signin");
	}

	@Test
	void ownerRotatesTheInboundUrlPickingHowLongTheOldOneWorks() throws Exception {
		String ownerEmail = unique("rotator");
		PortalSession owner = PortalSession.signedUp(base(), "Rotate Co", ownerEmail, PASSWORD);
		owner.get("/sources/new");
		String sourcePath = owner.post("/sources", Map.of("provider", "minivoice", "name", "Leaky"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replace("?created", "");
		String before = inboundUrl(owner.get(sourcePath).body());
		HttpResponse<String> rotated = owner.post(sourcePath + "/rotate-url", Map.of("overlapMinutes", "60"));
		assertThat(rotated.statusCode()).isEqualTo(200);
		assertThat(inboundUrl(rotated.body())).isNotEqualTo(before).contains("/in/");
		assertThat(rotated.body()).contains("keeps working until");
		assertThat(owner.post(sourcePath + "/rotate-url", Map.of("overlapMinutes", "7")).statusCode()).isEqualTo(422);

		AppUser ownerUser = this.users.findByEmail(ownerEmail).block(Duration.ofSeconds(10));
		PortalSession viewer = new PortalSession(base());
		assertThat(viewer.signIn(teammate(ownerUser, "viewer").email(), PASSWORD).statusCode()).isEqualTo(302);
		assertThat(viewer.get(sourcePath).body()).doesNotContain(sourcePath + "/rotate-url");
		assertThat(viewer.post(sourcePath + "/rotate-url", Map.of("overlapMinutes", "0")).statusCode()).isEqualTo(403);
	}

	private static String inboundUrl(String page) {
		return page.replaceAll("(?s).*id=\"inbound-url\">([^<]+)<.*", "$1");
	}

	@Test
	void viewerSeesNoSecretsAndChangesNothing() throws Exception {
		String ownerEmail = unique("owner");
		PortalSession owner = PortalSession.signedUp(base(), "Viewer Co", ownerEmail, PASSWORD);
		owner.get("/sources/new");
		String sourcePath = owner.post("/sources", Map.of("provider", "minivoice", "name", "MV"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replace("?created", "");
		owner.get(sourcePath);
		String secret = owner.post(sourcePath + "/reveal", Map.of()).body();
		AppUser ownerUser = this.users.findByEmail(ownerEmail).block(Duration.ofSeconds(10));
		String viewerEmail = teammate(ownerUser, "viewer").email();

		PortalSession viewer = new PortalSession(base());
		assertThat(viewer.signIn(viewerEmail, PASSWORD).statusCode()).isEqualTo(302);
		HttpResponse<String> page = viewer.get(sourcePath);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(secret).contains("id=\"secret-value\"");
		String revealed = secret.replaceAll("(?s).*id=\"secret-value\">([^<]+)<.*", "$1");
		assertThat(page.body()).doesNotContain(revealed)
			.doesNotContain(sourcePath + "/reveal")
			.doesNotContain(sourcePath + "/rotate")
			.doesNotContain(sourcePath + "/delete");
		assertThat(viewer.post(sourcePath + "/reveal", Map.of()).statusCode()).isEqualTo(403);
		assertThat(viewer.post(sourcePath + "/rotate", Map.of()).statusCode()).isEqualTo(403);
		assertThat(viewer.post("/sources", Map.of("provider", "minivoice", "name", "Not allowed")).statusCode())
			.isEqualTo(403);
		assertThat(viewer.post("/routes", Map.of()).statusCode()).isEqualTo(403);
		HttpResponse<String> tokens = viewer.get("/tokens");
		assertThat(tokens.statusCode()).isEqualTo(200);
		assertThat(tokens.body()).doesNotContain("Issue a token");
		assertThat(viewer.post("/tokens", Map.of("name", "Not allowed", "scopes", "events:read", "expiresInDays", "30"))
			.statusCode()).isEqualTo(403);
		assertThat(owner.get("/sources").body()).doesNotContain("Not allowed");
	}

	@Test
	void anotherTenantsIdsAnswerNotFound() throws Exception {
		PortalSession a = PortalSession.signedUp(base(), "Tenant A", unique("a"), PASSWORD);
		a.get("/sources/new");
		String sourcePath = a.post("/sources", Map.of("provider", "minari", "name", "Alpha Minari"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replace("?created", "");
		a.get("/destinations/new?kind=zapier");
		String destinationPath = a
			.post("/destinations",
					Map.of("kind", "zapier", "name", "Alpha Zap", "url", "https://hooks.zapier.com/hooks/catch/1/a/",
							"signatureStyle", "standard-webhooks", "payloadFormat", "original", "retrySchedule", "5s",
							"timeoutMs", "10000", "rateLimitPerSecond", "25", "maxInFlight", "10"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replace("?created", "");
		String sourceId = sourcePath.substring("/sources/".length());
		String destinationId = destinationPath.substring("/destinations/".length());

		PortalSession b = PortalSession.signedUp(base(), "Tenant B", unique("b"), PASSWORD);
		assertThat(b.get(sourcePath).statusCode()).isEqualTo(404);
		assertThat(b.get(destinationPath).statusCode()).isEqualTo(404);
		assertThat(b.get("/sources/src_not-an-id").statusCode()).isEqualTo(404);
		assertThat(b.post(sourcePath + "/reveal", Map.of()).statusCode()).isEqualTo(404);
		assertThat(b.post(destinationPath + "/delete", Map.of()).statusCode()).isEqualTo(404);
		for (String page : List.of("/", "/sources", "/destinations", "/routes", "/events", "/dead-letters",
				"/audit-log", "/team")) {
			HttpResponse<String> response = b.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page)
				.doesNotContain(sourceId)
				.doesNotContain(destinationId)
				.doesNotContain("Alpha");
		}
		for (String filtered : List.of("/events?sourceId=" + sourceId, "/events?destinationId=" + destinationId,
				"/dead-letters?destinationId=" + destinationId)) {
			assertThat(b.get(filtered).body()).as(filtered).doesNotContain("Alpha").contains("class=\"empty\"");
		}
		assertThat(a.get(destinationPath).statusCode()).isEqualTo(200);
	}

	@Test
	void formsNeedTheCsrfTokenAndTheCookieIsLocked() throws Exception {
		PortalSession owner = PortalSession.signedUp(base(), "Csrf Co", unique("csrf"), PASSWORD);
		owner.get("/sources/new");
		Map<String, String> form = Map.of("provider", "minivoice", "name", "Forged");
		assertThat(owner.postWithoutToken("/sources", form).statusCode()).isEqualTo(403);
		assertThat(owner.get("/sources").body()).doesNotContain("Forged");
		assertThat(owner.post("/sources", form).statusCode()).isEqualTo(303);
		assertThat(owner.postWithoutToken("/signout", Map.of()).statusCode()).isEqualTo(403);

		HttpResponse<String> signIn = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/signin")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
				.containsIgnoringCase("HttpOnly")
				.contains("SameSite=Lax")
				.doesNotContainIgnoringCase("Secure"));
		assertThat(signIn.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'"));
	}

	@Test
	void repeatedWrongPasswordsLockTheAddress() throws Exception {
		String email = unique("throttled");
		PortalSession.signedUp(base(), "Throttle Co", email, PASSWORD);
		PortalSession attacker = new PortalSession(base());
		for (int i = 0; i < 3; i++) {
			assertThat(attacker.signIn(email, "wrong password " + i).headers().firstValue("Location"))
				.hasValue("/signin?error");
		}
		assertThat(attacker.signIn(email, PASSWORD).headers().firstValue("Location")).hasValue("/signin?locked");
		assertThat(new PortalSession(base()).signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD)
			.headers()
			.firstValue("Location")).hasValue("/signin?locked");
		// one throttle for both ways in:
		// the API's HTTP Basic is refused for that email too
		HttpResponse<String> basic = mintTokenWithPassword(email, PASSWORD);
		assertThat(basic.statusCode()).as(basic.body()).isEqualTo(429);
		assertThat(basic.body()).contains("\"rate-limited\"");
		assertThat(basic.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void wrongPasswordsOverTheApiLockThePortalSignInToo() throws Exception {
		String email = unique("api-throttled");
		PortalSession.signedUp(base(), "Basic Co", email, PASSWORD);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> wrong = mintTokenWithPassword(email, "wrong " + i);
			assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
		}
		assertThat(new PortalSession(base()).signIn(email, PASSWORD).headers().firstValue("Location"))
			.hasValue("/signin?locked");
	}

	private HttpResponse<String> mintTokenWithPassword(String email, String password) throws Exception {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tokens"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"t\",\"scopes\":[\"events:read\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signUpShowsEachProblemNextToItsField() throws Exception {
		PortalSession visitor = new PortalSession(base());
		visitor.get("/signup");
		HttpResponse<String> refused = visitor.post("/signup",
				Map.of("organisation", "", "email", "not-an-email", "password", "short"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"organisation-error\"")
			.contains("id=\"email-error\"")
			.contains("id=\"password-error\"")
			.contains("aria-describedby=\"password-error\"");
	}

	@Test
	void invitedPersonJoinsOnceWithTheirRole() throws Exception {
		PortalSession owner = PortalSession.signedUp(base(), "Team Co", unique("owner"), PASSWORD);
		owner.get("/team");
		String invitee = unique("sam");
		HttpResponse<String> invited = owner.post("/team/invitations", Map.of("email", invitee, "role", "viewer"));
		assertThat(invited.statusCode()).isEqualTo(200);
		String link = invited.body().replaceAll("(?s).*id=\"invite-link\">([^<]+)<.*", "$1");
		assertThat(link).startsWith(base() + "/join/ten_");
		String path = link.substring(base().length());

		PortalSession sam = new PortalSession(base());
		assertThat(sam.get(path).body()).contains(invitee);
		assertThat(sam.post(path, Map.of("password", "short")).statusCode()).isEqualTo(422);
		HttpResponse<String> joined = sam.post(path, Map.of("password", PASSWORD));
		assertThat(joined.statusCode()).isEqualTo(303);
		assertThat(sam.get("/team").body()).contains(invitee).doesNotContain("Make invitation link");
		assertThat(new PortalSession(base()).get(path).statusCode()).isEqualTo(404);
		assertThat(new PortalSession(base()).signIn(invitee, PASSWORD).headers().firstValue("Location")).hasValue("/");
		assertThat(owner.get("/audit-log").body()).contains("member.invited").contains("member.joined");
	}

	@Test
	void portalChangesAreInTheAuditLog() throws Exception {
		PortalSession owner = PortalSession.signedUp(base(), "Audit Co", unique("audit"), PASSWORD);
		owner.get("/sources/new");
		String sourceId = owner.post("/sources", Map.of("provider", "minivoice", "name", "Audited"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/sources/([^?]+).*", "$1");
		owner.get("/sources/" + sourceId);
		HttpResponse<String> rotated = owner.post("/sources/" + sourceId + "/rotate", Map.of());
		String secret = rotated.body().replaceAll("(?s).*id=\"secret-value\">([^<]+)<.*", "$1");
		HttpResponse<String> log = owner.get("/audit-log");
		assertThat(log.body()).contains("source.created").contains("source.secret-rotated").contains(sourceId);
		assertThat(log.body()).doesNotContain(secret);
	}

	private HttpResponse<String> post(String inboundUrl, String secret, String callId) throws Exception {
		String body = """
				{"event":"call.completed","created_at":"%s","call":{"id":"%s","status":"completed"},"variables":{},"data":{}}"""
			.formatted(Instant.now(), callId);
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = HexFormat.of()
			.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(inboundUrl))
			.header("Content-Type", "application/json")
			.header("X-MiniVoice-Timestamp", timestamp)
			.header("X-MiniVoice-Signature", "v1=" + signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Clicks "Send test event" on a destination's page.
	 * @return the result shown inline
	 */
	private static String sendTestEvent(Browser browser) {
		browser.click(By.xpath("//button[text()='Send test event']"));
		return browser.await((driver) -> driver.findElements(By.id("test-result"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse(null));
	}

	/**
	 * A new member of an owner's team, with a role and the test password.
	 */
	private AppUser teammate(AppUser owner, String role) {
		return this.users.create(owner.tenantId(), unique(role), new BCryptPasswordEncoder().encode(PASSWORD), role)
			.block(Duration.ofSeconds(10));
	}

	private HttpResponse<String> api(String path, String token) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String unique(String who) {
		return who + "-" + UUID.randomUUID() + "@example.com";
	}

}
