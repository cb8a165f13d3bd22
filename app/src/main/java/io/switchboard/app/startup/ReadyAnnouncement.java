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
 * Ends the start-up log with one line that says where Switchboard is and how to get in.
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
		String prefix = "Switchboard is ready (roles " + roles + "). ";
		if (roles.has(Role.UI)) {
			return prefix + "Portal: " + url + "/ — " + (firstRun
					? "no account yet: create the first admin at " + url + "/signup (or POST " + url + "/api/v1/signup)"
					: "sign in at " + url + "/login with your email and password");
		}
		if (roles.has(Role.API)) {
			return prefix + "API: " + url + "/api/v1 — "
					+ (firstRun ? "no account yet: create the first admin with POST " + url + "/api/v1/signup"
							: "authenticate with an API token (POST " + url + "/api/v1/tokens)");
		}
		return prefix + "Health: " + url + "/actuator/health";
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
