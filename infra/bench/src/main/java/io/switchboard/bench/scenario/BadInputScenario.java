package io.switchboard.bench.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.switchboard.bench.load.BadRequests;
import io.switchboard.bench.report.ScenarioReport;

/**
 * {@code bad-input}: at least 1 000 forged, malformed, stale, oversized, truncated,
 * misaddressed and slow (slowloris) requests mixed into the {@code e2e} load. None may be
 * accepted (2xx), none answered 5xx, none stored; the normal traffic must lose nothing.
 */
final class BadInputScenario extends ChaosScenario {

	private volatile long storedBefore;

	@Override
	public String name() {
		return "bad-input";
	}

	@Override
	int startSecond(BenchRun run, Duration duration) {
		return 1;
	}

	@Override
	void disrupt(BenchRun run, ScenarioReport report) {
		boolean smoke = run.settings().backlog() < 100_000;
		int total = smoke ? 160 : 1600;
		Duration slowFor = smoke ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
		long storedBefore = stored(run);
		BadRequests bad = new BadRequests(run.tenants());
		// slow senders hold their connections together, as a slowloris attack does
		ExecutorService senders = Executors.newFixedThreadPool(16);
		ExecutorService slowSenders = Executors.newFixedThreadPool(100);
		for (int n = 0; n < total; n++) {
			int number = n;
			(BadRequests.slow(n) ? slowSenders : senders).execute(() -> bad.send(number, slowFor));
		}
		await(senders);
		await(slowSenders);
		Map<String, Long> answers = bad.answers();
		long accepted = count(answers, 200, 299);
		long serverErrors = count(answers, 500, 599);
		report.figure("bad_requests", total).figure("bad_answers_by_kind_and_status", answers);
		report.target("bad requests accepted (2xx)", accepted, "<=", 0);
		report.target("bad requests answered 5xx", serverErrors, "<=", 0);
		this.storedBefore = storedBefore;
	}

	@Override
	void after(BenchRun run, ScenarioReport report, io.switchboard.bench.load.Ledger ledger,
			long disruptionEndedNanos) {
		report.target("bad requests stored", stored(run) - this.storedBefore, "<=", 0);
	}

	private static void await(ExecutorService senders) {
		senders.shutdown();
		try {
			senders.awaitTermination(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long stored(BenchRun run) {
		return run.queryLong("SELECT count(*) FROM event WHERE position(convert_to('" + BadRequests.MARKER
				+ "', 'UTF8') in body) > 0");
	}

	private static long count(Map<String, Long> answers, int from, int to) {
		return answers.entrySet().stream().filter((entry) -> {
			int status = Integer.parseInt(entry.getKey().substring(entry.getKey().lastIndexOf(' ') + 1));
			return status >= from && status <= to;
		}).mapToLong(Map.Entry::getValue).sum();
	}

}
