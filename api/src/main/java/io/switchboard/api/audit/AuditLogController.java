package io.switchboard.api.audit;

import java.security.Principal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.core.audit.AuditEntry;
import io.switchboard.core.audit.AuditLog;
import io.switchboard.core.id.AuditEntryId;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit-log}: who changed what, newest first.
 */
@RestController
class AuditLogController {

	private final AuditLog log;

	AuditLogController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit-log")
	Mono<Page<EntryView>> listAuditLog(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit, Principal principal) {
		Page.checkedLimit(limit);
		return this.log
			.findPage(ApiCaller.of((Authentication) principal).tenantId(), Page.after(cursor, AuditEntryId::parse),
					limit + 1)
			.map(EntryView::of)
			.collectList()
			.map((rows) -> Page.cut(rows, limit, EntryView::id));
	}

	record EntryView(String id, String actor, String action, String resourceType, String resourceId,
			@JsonRawValue String before, @JsonRawValue String after, Instant createdAt) {

		static EntryView of(AuditEntry entry) {
			return new EntryView(entry.id().toString(), entry.actor(), entry.action(), entry.resourceType(),
					entry.resourceId(), entry.before(), entry.after(), entry.createdAt());
		}

	}

}
