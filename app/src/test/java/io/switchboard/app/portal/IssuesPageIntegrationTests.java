package io.switchboard.app.portal;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.UserRepository;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's face of issues: an open issue is on the start page and the Issues page, an
 * owner acknowledges it there, and another tenant never sees it.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuesPageIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Autowired
	DatabaseClient database;

	@Test
	void openIssueIsShownAndAcknowledgedOnlyInItsTenant() throws Exception {
		String email = "issues-" + UUID.randomUUID() + "@example.com";
		PortalSession owner = PortalSession.signedUp(base(), "Issue Co", email, PASSWORD);
		TenantId tenant = this.users.findByEmail(email).block().tenantId();
		IssueId issue = IssueId.generate();
		this.database
			.sql("INSERT INTO issue (tenant_id, id, kind, resource_type, resource_id, summary) VALUES "
					+ "(:tenantId, :id, 'destination-disabled', 'destination', :resourceId, :summary)")
			.bind("tenantId", tenant.uuid())
			.bind("id", issue.uuid())
			.bind("resourceId", UUID.randomUUID())
			.bind("summary", "\"Deleted Zap\" was switched off: The receiver answered 410 Gone.")
			.fetch()
			.rowsUpdated()
			.block();

		assertThat(owner.get("/").body()).contains("Open issues").contains("Deleted Zap");
		HttpResponse<String> page = owner.get("/issues");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Deleted Zap").contains("I'm on it");
		HttpResponse<String> acknowledged = owner.post("/issues/" + issue + "/acknowledge", Map.of());
		assertThat(acknowledged.statusCode()).isEqualTo(303);
		assertThat(owner.get("/issues").body()).contains("acknowledged").doesNotContain("I'm on it");
		assertThat(owner.get("/").body()).doesNotContain("Open issues");

		PortalSession other = PortalSession.signedUp(base(), "Other Co", "other-" + UUID.randomUUID() + "@example.com",
				PASSWORD);
		assertThat(other.get("/issues").body()).doesNotContain("Deleted Zap").contains("Nothing is wrong");
		other.get("/issues");
		assertThat(other.post("/issues/" + issue + "/resolve", Map.of()).statusCode()).isEqualTo(404);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
