package io.switchboard.app.startup;

import java.net.URI;
import java.time.Duration;

import io.switchboard.app.SwitchboardProperties;
import io.switchboard.core.role.Role;
import io.switchboard.core.role.Roles;
import io.switchboard.core.tenant.TenantRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Ends the start-up log with one line that says where Switchboard is and how to get in:
 * the portal's sign-up (first run) or sign-in page when this process serves the portal,
 * else the API.
 */
@Component
class ReadyAnnouncement implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ReadyAnnouncement.class);

	private final SwitchboardProperties properties;

	private final TenantRepository tenants;

	ReadyAnnouncement(SwitchboardProperties properties, TenantRepository tenants) {
		this.properties = properties;
		this.tenants = tenants;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Roles roles = Roles.from(event.getApplicationContext().getEnvironment());
		URI base = baseUrl(event);
		boolean firstRun = !Boolean.TRUE.equals(this.tenants.anyExists().block(Duration.ofSeconds(10)));
		logger.info(message(roles, base, firstRun));
	}

	static String message(Roles roles, URI base, boolean firstRun) {
		String url = base.toString().replaceAll("/$", "");
		String prefix = "Switchboard is ready (roles " + roles + ") at " + url + ". ";
		if (roles.has(Role.UI)) {
			return prefix + (firstRun ? "No account yet: create the first one at " + url + "/signup"
					: "Sign in at " + url + "/signin");
		}
		if (roles.has(Role.API)) {
			return prefix + (firstRun
					? "No account yet: create the first admin with POST " + url
							+ "/api/v1/signup {tenantName, email, password} (README: 'From nothing to a working relay')"
					: "Sign in with your email and password to get an API token: POST " + url
							+ "/api/v1/tokens (HTTP Basic)");
		}
		return prefix + "This process has no api role; accounts are made where one runs. Health: " + url
				+ "/actuator/health";
	}

	private URI baseUrl(ApplicationReadyEvent event) {
		if (this.properties.publicUrl() != null) {
			return this.properties.publicUrl();
		}
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? web.getWebServer().getPort() : 8080;
		return URI.create("http://localhost:" + port);
	}

}
