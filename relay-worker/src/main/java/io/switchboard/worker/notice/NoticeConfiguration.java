package io.switchboard.worker.notice;

import java.net.URI;

import io.switchboard.core.notification.NoticeOutbox;
import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.core.schedule.RepeatingLoop;
import io.switchboard.worker.engine.ReceiverClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notice sender and its loop. Links in notices point at
 * {@code switchboard.public-url}.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

	@Bean
	NoticeSender noticeSender(NoticeOutbox outbox, ReceiverClient client, ObjectProvider<JavaMailSender> mail,
			NotificationProperties properties, @Value("${switchboard.public-url:http://localhost:8080}") URI portal) {
		return new NoticeSender(outbox, client, mail.getIfAvailable(), properties, portal, "Switchboard-Notices");
	}

	/**
	 * Sends due notices on an interval in every worker; the outbox's leases make sure
	 * each notice is sent by one of them.
	 */
	@Bean
	RepeatingLoop noticeLoop(NoticeSender sender, NotificationProperties properties) {
		return new RepeatingLoop("Notice sending", properties.pollInterval(), sender::sendDue);
	}

}
