package io.switchboard.app;

import io.switchboard.admin.AdminUiConfiguration;
import io.switchboard.api.ApiConfiguration;
import io.switchboard.core.CoreConfiguration;
import io.switchboard.worker.WorkerConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Switchboard: the core, plus each module whose role is switched on.
 */
@SpringBootApplication
@EnableConfigurationProperties(SwitchboardProperties.class)
@Import({ CoreConfiguration.class, ApiConfiguration.class, WorkerConfiguration.class, AdminUiConfiguration.class })
public class SwitchboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(SwitchboardApplication.class, args);
	}

}
