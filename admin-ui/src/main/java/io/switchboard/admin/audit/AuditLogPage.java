package io.switchboard.admin.audit;

import io.switchboard.admin.account.Member;
import io.switchboard.core.audit.AuditLog;
import io.switchboard.core.id.AuditEntryId;
import io.switchboard.core.id.MalformedIdException;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit-log}: the tenant's configuration changes, newest first, 50 a page, each
 * with its before and after (never secrets).
 */
@Controller
class AuditLogPage {

	private static final int PAGE_SIZE = 50;

	private final AuditLog log;

	AuditLogPage(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit-log")
	Mono<String> showAuditLog(@RequestParam(defaultValue = "") String before, @AuthenticationPrincipal Member member,
			Model model) {
		AuditEntryId after = parse(before);
		return this.log.findPage(member.tenantId(), after, PAGE_SIZE).collectList().doOnNext((entries) -> {
			model.addAttribute("entries", entries);
			model.addAttribute("older",
					(entries.size() == PAGE_SIZE) ? entries.get(entries.size() - 1).id().toString() : null);
		}).thenReturn("audit/log");
	}

	private static AuditEntryId parse(String id) {
		try {
			return id.isBlank() ? null : AuditEntryId.parse(id);
		}
		catch (MalformedIdException ex) {
			return null;
		}
	}

}
