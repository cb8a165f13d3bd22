package io.switchboard.api.asset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTests {

	@Test
	void noHeaderIsTheWholeAsset() {
		assertThat(ByteRange.of(null, 100)).isEqualTo(new ByteRange(0, 99));
	}

	@Test
	void firstLastOpenEndedAndSuffixRangesAreResolved() {
		assertThat(ByteRange.of("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 19));
		assertThat(ByteRange.of("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
		assertThat(ByteRange.of("bytes=90-500", 100)).isEqualTo(new ByteRange(90, 99));
		assertThat(ByteRange.of("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
		assertThat(ByteRange.of("bytes=-500", 100)).isEqualTo(new ByteRange(0, 99));
	}

	@Test
	void aRangeStartingPastTheEndCannotBeSatisfied() {
		assertThat(ByteRange.of("bytes=100-", 100)).isNull();
		assertThat(ByteRange.of("bytes=20-10", 100)).isNull();
		assertThat(ByteRange.of("bytes=-0", 100)).isNull();
	}

	@Test
	void severalRangesOtherUnitsAndNonsenseAreAnsweredWhole() {
		assertThat(ByteRange.of("bytes=0-1,5-6", 100)).isEqualTo(new ByteRange(0, 99));
		assertThat(ByteRange.of("items=0-1", 100)).isEqualTo(new ByteRange(0, 99));
		assertThat(ByteRange.of("bytes=a-b", 100)).isEqualTo(new ByteRange(0, 99));
	}

}
