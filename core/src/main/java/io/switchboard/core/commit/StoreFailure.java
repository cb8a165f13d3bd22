package io.switchboard.core.commit;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What a failed write says about its cause, read from PostgreSQL's SQLSTATE where there
 * is one: the database out of reach (retrying part of the batch cannot help), or the
 * contents of an event (that event alone is at fault).
 */
public final class StoreFailure {

	private StoreFailure() {
	}

	/**
	 * Whether the database could not be reached or is going away: a connection that
	 * failed, a pool with nothing to give, the server shutting down or out of resources.
	 * @param error the failure
	 * @return whether it is unreachable
	 */
	public static boolean unreachable(Throwable error) {
		String state = sqlState(error);
		if (state != null) {
			// The driver files some server refusals (an index row too large) as resource
			// failures: PostgreSQL's own code says which they are.
			return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
		}
		for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TimeoutException
					|| cause instanceof IOException || cause instanceof R2dbcNonTransientResourceException
					|| cause instanceof R2dbcTransientResourceException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether PostgreSQL refused what was written: a data exception (SQLSTATE class 22,
	 * such as a NUL in text), a constraint (23) or a limit such as an index row's size
	 * (54). Retrying the same event cannot succeed.
	 * @param error the failure
	 * @return whether the event's contents are at fault
	 */
	public static boolean contents(Throwable error) {
		String state = sqlState(error);
		return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
	}

	private static String sqlState(Throwable error) {
		for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
				return r2dbc.getSqlState();
			}
		}
		return null;
	}

}
