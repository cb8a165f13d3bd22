package io.switchboard.api.event;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.rejection.Rejection;
import io.switchboard.core.rejection.RejectionRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rejections?sourceId=…}: why a source's recent requests were refused
 * (newest first; each source keeps its most recent ones, bodies never).
 */
@RestController
class RejectionsController {

	private final RejectionRepository rejections;

	RejectionsController(RejectionRepository rejections) {
		this.rejections = rejections;
	}

	@GetMapping("/api/v1/rejections")
	Mono<Page<RejectionView>> listRejections(@RequestParam(required = false) String sourceId,
			@RequestParam(defaultValue = "100") int limit, Principal principal) {
		Page.checkedLimit(limit);
		if (sourceId == null || sourceId.isBlank()) {
			return Mono.error(ApiProblem.invalid("sourceId", "name the source whose rejections to list"));
		}
		SourceId source = ApiProblem.idField("sourceId", sourceId, SourceId::parse);
		return this.rejections.findRecent(ApiCaller.of((Authentication) principal).tenantId(), source, limit)
			.map(RejectionView::of)
			.collectList()
			.map(Page::of);
	}

	record RejectionView(String id, String sourceId, String reason, String detail, String remoteAddress,
			Map<String, String> headers, Instant receivedAt) {

		static RejectionView of(Rejection rejection) {
			return new RejectionView(rejection.id().toString(), rejection.sourceId().toString(), rejection.reason(),
					rejection.detail(), rejection.remoteAddress(), rejection.headers(), rejection.receivedAt());
		}

	}

}
