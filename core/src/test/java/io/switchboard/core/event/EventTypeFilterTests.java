package io.switchboard.core.event;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeFilterTests {

	@Test
	void starCarriesEverythingEvenUntypedEvents() {
		assertThat(EventTypeFilter.matches(List.of("*"), "call.completed")).isTrue();
		assertThat(EventTypeFilter.matches(List.of("*"), null)).isTrue();
	}

	@Test
	void wildcardCarriesItsFamilyOnly() {
		assertThat(EventTypeFilter.matches(List.of("call.*"), "call.completed")).isTrue();
		assertThat(EventTypeFilter.matches(List.of("call.*"), "call.created")).isTrue();
		assertThat(EventTypeFilter.matches(List.of("call.*"), "callback.done")).isFalse();
		assertThat(EventTypeFilter.matches(List.of("call.*"), "recording.ready")).isFalse();
		assertThat(EventTypeFilter.matches(List.of("call.*"), null)).isFalse();
	}

	@Test
	void exactTypeCarriesThatTypeOnly() {
		assertThat(EventTypeFilter.matches(List.of("call.completed"), "call.completed")).isTrue();
		assertThat(EventTypeFilter.matches(List.of("call.completed"), "call.created")).isFalse();
	}

	@Test
	void anyPatternOfSeveralIsEnough() {
		assertThat(EventTypeFilter.matches(List.of("recording.*", "call.completed"), "call.completed")).isTrue();
	}

	@Test
	void onlyTheThreeShapesAreValid() {
		assertThat(List.of("*", "call.*", "call.completed", "a.b.c.*")).allMatch(EventTypeFilter::isValid);
		assertThat(List.of("", "**", "call.", "*.completed", "call.**", "call completed"))
			.noneMatch(EventTypeFilter::isValid);
	}

}
