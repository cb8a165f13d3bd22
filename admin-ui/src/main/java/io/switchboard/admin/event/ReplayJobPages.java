package io.switchboard.admin.event;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.JobId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.job.Job;
import io.switchboard.core.job.Jobs;
import io.switchboard.core.job.ReplayFilter;
import io.switchboard.core.job.ReplayJobs;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * "Replay all matching" on the dead-letters page: a bulk replay job that workers run in
 * short batches ({@code core.job}); {@code /jobs/{id}} shows its progress bar, refreshed
 * by the page until the job ends.
 */
@Controller
class ReplayJobPages {

	private final ReplayJobs replayJobs;

	private final Jobs jobs;

	ReplayJobPages(ReplayJobs replayJobs, Jobs jobs) {
		this.replayJobs = replayJobs;
		this.jobs = jobs;
	}

	@PostMapping("/dead-letters/replay-all")
	Mono<String> replayAllMatching(@AuthenticationPrincipal Member member, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String destination = destination(form.getFirst("destinationId"));
			ReplayFilter dead = new ReplayFilter("dead", destination, null, null, null, null, null);
			return this.replayJobs.start(member.tenantId(), dead, member.actor());
		}).map((job) -> "redirect:/jobs/" + job.id());
	}

	@GetMapping("/jobs/{id}")
	Mono<String> showJob(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id).doOnNext((job) -> model.addAttribute("job", job)).thenReturn("events/job");
	}

	@GetMapping("/jobs/{id}/progress")
	Mono<String> showJobProgress(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id).doOnNext((job) -> model.addAttribute("job", job)).thenReturn("events/job :: progress");
	}

	private Mono<Job> found(Member member, String id) {
		return this.jobs.find(member.tenantId(), JobId.parse(id))
			.filter((job) -> Job.REPLAY.equals(job.kind()) || Job.BACKFILL.equals(job.kind()))
			.switchIfEmpty(Mono.error(new NotFound("job")));
	}

	private static String destination(String id) {
		try {
			return (id == null || id.isBlank()) ? null : DestinationId.parse(id.trim()).toString();
		}
		catch (MalformedIdException ex) {
			return null;
		}
	}

}
