package io.switchboard.core.signin;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One sign-in throttle per process, shared by the portal and the API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfiguration {

	@Bean
	SignInThrottle signInThrottle(SignInProperties properties) {
		return new SignInThrottle(properties, Clock.systemUTC());
	}

}
