package io.switchboard.core.filter;

import java.util.List;

import com.google.re2j.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One part of a rule.
 */
sealed interface Condition {

	boolean test(FilterSubject subject);

	/** Every part holds (an empty rule holds for every event). */
	record AllOf(List<Condition> parts) implements Condition {

		@Override
		public boolean test(FilterSubject subject) {
			for (Condition part : this.parts) {
				if (!part.test(subject)) {
					return false;
				}
			}
			return true;
		}

	}

	/** At least one part holds. */
	record AnyOf(List<Condition> parts) implements Condition {

		@Override
		public boolean test(FilterSubject subject) {
			for (Condition part : this.parts) {
				if (part.test(subject)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The part does not hold. */
	record Not(Condition part) implements Condition {

		@Override
		public boolean test(FilterSubject subject) {
			return !this.part.test(subject);
		}

	}

	/** A field passes an operator's test. */
	record FieldTest(FieldPath path, Operator operator, JsonNode operand, Pattern pattern) implements Condition {

		@Override
		public boolean test(FilterSubject subject) {
			return this.operator.test(this.path.resolve(subject), this.operand, this.pattern);
		}

	}

}
