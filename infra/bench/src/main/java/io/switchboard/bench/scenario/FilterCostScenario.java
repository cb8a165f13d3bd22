package io.switchboard.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.core.delivery.SampleEvents;
import io.switchboard.core.filter.FilterSubject;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.transform.PayloadTransform;

/**
 * {@code filter-cost}: the CPU a route filter and a transformation add per event, on the
 * MiniVoice sample, in this process: reading the body as JSON (done once per event, only
 * when one of its routes has a filter), then each kind of rule, and a transformation.
 * Each figure is the median of five timed rounds after a warm-up, in microseconds per
 * event; compare them with the ingest path's CPU per event.
 */
final class FilterCostScenario implements Scenario {

	private static final int EVENTS = 200_000;

	@Override
	public String name() {
		return "filter-cost";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		byte[] body = SampleEvents.body("minivoice");
		Map<String, String> headers = Map.of("user-agent", "MiniVoice/2.1");
		Supplier<FilterSubject> subject = () -> FilterSubject.of(body, headers,
				() -> NormalizedCallEvent.document("minivoice", "evt_bench", Instant.EPOCH, false, body));
		report.figure("body_parse_us_per_event", time(() -> subject.get().isNotJson()));
		report.figure("simple_filter_parsed_every_time_us_per_event",
				time(() -> RouteFilter.parse(
						"{\"call.direction\": \"inbound\", \"call.status\": {\"$in\": [\"completed\", \"connected\"]}}")
					.matches(subject.get())));
		RouteFilter simple = RouteFilter
			.parse("{\"call.direction\": \"inbound\", \"call.status\": {\"$in\": [\"completed\", \"connected\"]}}");
		report.figure("simple_filter_parsed_once_us_per_event", time(() -> simple.matches(subject.get())));
		RouteFilter pattern = RouteFilter.parse("{\"call.from\": {\"$regex\": \"^\\\\+1555\"}, \"$or\": "
				+ "[{\"event\": {\"$startsWith\": \"call.\"}}, {\"header:user-agent\": {\"$exists\": true}}]}");
		report.figure("regex_and_or_filter_us_per_event", time(() -> pattern.matches(subject.get())));
		RouteFilter normalized = RouteFilter.parse("{\"normalized:call.direction\": \"inbound\"}");
		report.figure("normalized_filter_us_per_event", time(() -> normalized.matches(subject.get())));
		PayloadTransform transform = PayloadTransform
			.compile("{\"caller\": call.from, \"callee\": call.to, \"status\": $uppercase(call.status)}");
		report.figure("transform_us_per_event", time(() -> transform.apply(body).length > 0));
		report.figure("events_per_round", EVENTS);
		report.note("Filters are parsed once per rule text and cached by the ingest path; the body is read once "
				+ "per event however many routes filter it; the normalized event is made only for a rule that "
				+ "asks for it. Body: the MiniVoice sample, " + new String(body, StandardCharsets.UTF_8).length()
				+ " characters.");
		return report;
	}

	/** Median microseconds per event over five rounds, after a warm-up round. */
	private static double time(Supplier<Boolean> work) {
		round(work);
		double[] rounds = new double[5];
		for (int r = 0; r < rounds.length; r++) {
			rounds[r] = round(work);
		}
		java.util.Arrays.sort(rounds);
		return Math.round(rounds[2] * 100) / 100.0;
	}

	private static double round(Supplier<Boolean> work) {
		int kept = 0;
		long started = System.nanoTime();
		for (int i = 0; i < EVENTS; i++) {
			if (work.get()) {
				kept++;
			}
		}
		long nanos = System.nanoTime() - started;
		if (kept < 0) {
			throw new IllegalStateException();
		}
		return nanos / 1000.0 / EVENTS;
	}

}
