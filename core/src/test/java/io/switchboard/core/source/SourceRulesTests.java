package io.switchboard.core.source;

import java.util.List;

import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SourceRulesTests {

	@Test
	void minariArchivesItsTwoFieldsUnlessToldOtherwise() {
		assertThat(SourceRules.archiving(draft("minari", null, null), Provider.MINARI))
			.isEqualTo(new AssetArchiving(true, AssetArchiving.MINARI_FIELDS));
		assertThat(SourceRules.archiving(draft("minari", false, null), Provider.MINARI).enabled()).isFalse();
		assertThat(SourceRules.archiving(draft("minivoice", null, null), Provider.MINIVOICE))
			.isEqualTo(AssetArchiving.OFF);
	}

	@Test
	void givenFieldsAreTrimmedAndKept() {
		assertThat(SourceRules.archiving(draft("minivoice", true, List.of(" /data/recording_url ", "")),
				Provider.MINIVOICE))
			.isEqualTo(new AssetArchiving(true, List.of("/data/recording_url")));
	}

	@Test
	void fieldsMustBeJsonPointersFewAndDistinct() {
		assertThat(problem(new AssetArchiving(true, List.of("call.recording_url")))).contains("JSON pointer");
		assertThat(problem(new AssetArchiving(true, List.of("/a~2b")))).contains("JSON pointer");
		assertThat(problem(new AssetArchiving(true, List.of("/a", "/a")))).contains("once");
		assertThat(problem(new AssetArchiving(true, List.of()))).contains("turn archiving off");
		assertThat(problem(new AssetArchiving(true, List.of("/a~1b/c~0d")))).isNull();
		assertThat(problem(new AssetArchiving(false, List.of()))).isNull();
		assertThat(problem(
				new AssetArchiving(true, List.of("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9", "/10", "/11"))))
			.contains("at most");
	}

	private static String problem(AssetArchiving archiving) {
		InputErrors errors = new InputErrors();
		SourceRules.assets(archiving, errors);
		try {
			errors.throwIfAny();
			return null;
		}
		catch (InvalidInput ex) {
			return ex.errors().get("assetFields");
		}
	}

	@Test
	void aDraftWithBadFieldsIsRefusedNamingTheField() {
		InputErrors errors = new InputErrors();
		SourceRules.check(draft("minari", true, List.of("recording")), errors);
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(errors::throwIfAny)
			.satisfies((ex) -> assertThat(ex.errors()).containsKey("assetFields"));
	}

	private static SourceDraft draft(String provider, Boolean archive, List<String> fields) {
		return new SourceDraft("Name", provider, "secret-123", null, null, null, null, null, archive, fields);
	}

}
