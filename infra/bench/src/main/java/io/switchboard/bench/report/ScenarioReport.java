package io.switchboard.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.HdrHistogram.Histogram;

/**
 * What one scenario measured: named figures (in the order they were taken), the targets
 * they are held against, and notes.
 */
public final class ScenarioReport {

	private final String name;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final List<TargetCheck> targets = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	public ScenarioReport(String name) {
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Adds a figure.
	 * @param key its name, with its unit ({@code ack_p99_ms})
	 * @param value a number, text or nested map
	 * @return this report
	 */
	public ScenarioReport figure(String key, Object value) {
		this.figures.put(key, (value instanceof Double number) ? round(number) : value);
		return this;
	}

	/**
	 * Adds the usual percentiles of a histogram in microseconds as milliseconds.
	 * @param prefix e.g. {@code ack}
	 * @param micros the histogram
	 * @return this report
	 */
	public ScenarioReport latencies(String prefix, Histogram micros) {
		figure(prefix + "_count", micros.getTotalCount());
		figure(prefix + "_p50_ms", millis(micros, 50));
		figure(prefix + "_p95_ms", millis(micros, 95));
		figure(prefix + "_p99_ms", millis(micros, 99));
		figure(prefix + "_p999_ms", millis(micros, 99.9));
		figure(prefix + "_max_ms", round(micros.getMaxValue() / 1000.0));
		return this;
	}

	/**
	 * A percentile in milliseconds.
	 * @param micros the histogram
	 * @param percentile e.g. 99
	 * @return the value
	 */
	public static double millis(Histogram micros, double percentile) {
		return round(micros.getValueAtPercentile(percentile) / 1000.0);
	}

	/**
	 * Holds a figure against a target.
	 * @param target what it is held against, e.g. {@code ack p99 at 1000/s ≤ 50 ms}
	 * @param measured the figure
	 * @param comparison {@code <=} or {@code >=}
	 * @param threshold the target value
	 * @return this report
	 */
	public ScenarioReport target(String target, double measured, String comparison, double threshold) {
		boolean met = comparison.equals("<=") ? measured <= threshold : measured >= threshold;
		this.targets.add(new TargetCheck(target, round(measured), comparison, threshold, met));
		return this;
	}

	/**
	 * Takes a phase's figures over, those whose names pass.
	 * @param phase a phase reported on its own
	 * @param prefix put before each name
	 * @param names which figures
	 * @return this
	 */
	public ScenarioReport figuresOf(ScenarioReport phase, String prefix, Predicate<String> names) {
		phase.figures().forEach((name, value) -> {
			if (names.test(name)) {
				figure(prefix + name, value);
			}
		});
		return this;
	}

	public ScenarioReport note(String note) {
		this.notes.add(note);
		return this;
	}

	public Map<String, Object> figures() {
		return this.figures;
	}

	public List<TargetCheck> targets() {
		return this.targets;
	}

	public List<String> notes() {
		return this.notes;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * A figure held against a target.
	 *
	 * @param target what
	 * @param measured the figure
	 * @param comparison {@code <=} or {@code >=}
	 * @param threshold the target
	 * @param met whether it was met
	 */
	public record TargetCheck(String target, double measured, String comparison, double threshold, boolean met) {

	}

}
