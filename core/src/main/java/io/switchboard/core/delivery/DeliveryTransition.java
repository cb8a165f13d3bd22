package io.switchboard.core.delivery;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.switchboard.core.delivery.DeliveryStatus.DEAD;
import static io.switchboard.core.delivery.DeliveryStatus.DELIVERED;
import static io.switchboard.core.delivery.DeliveryStatus.LEASED;
import static io.switchboard.core.delivery.DeliveryStatus.PAUSED;
import static io.switchboard.core.delivery.DeliveryStatus.PENDING;
import static io.switchboard.core.delivery.DeliveryStatus.RETRYING;

/**
 * Every way a delivery's status changes, each written once: the statuses it leaves and
 * those it may reach. Every statement that writes {@code delivery.status} is built with
 * {@link #sql(String)} from its transition, so it names no status the transition does not
 * allow; a status chosen in Java (a settle's next status, a new delivery's first) is
 * checked with {@link #target(DeliveryStatus)}.
 */
public enum DeliveryTransition {

	/** Ingest makes a delivery: due now, or paused while its destination is off. */
	CREATE(EnumSet.noneOf(DeliveryStatus.class), EnumSet.of(PENDING, PAUSED)),

	/** A worker takes a due delivery under a lease. */
	LEASE(EnumSet.of(PENDING, RETRYING), EnumSet.of(LEASED)),

	/**
	 * An attempt ended, or the delivery outlived its destination's max age: delivered,
	 * due again later, dead, or paused (its destination was switched off meanwhile, or
	 * its receiver is gone and the destination is switched off in the same transaction).
	 */
	SETTLE(EnumSet.of(LEASED), EnumSet.of(DELIVERED, RETRYING, DEAD, PAUSED)),

	/**
	 * Its destination's guards said wait (circuit open, rate limit): back in the queue
	 * without using up an attempt.
	 */
	DEFER(EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED)),

	/** Its lease expired (the worker crashed or stalled): back in the queue. */
	RECLAIM(EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED)),

	/** Its worker stopped gracefully before the attempt began: back in the queue. */
	RELEASE(EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED)),

	/** Its destination was switched off: a waiting delivery pauses. */
	PAUSE(EnumSet.of(PENDING, RETRYING), EnumSet.of(PAUSED)),

	/** Its destination was switched on again: a paused delivery is due now. */
	RESUME(EnumSet.of(PAUSED), EnumSet.of(PENDING, RETRYING)),

	/**
	 * A finished delivery is replayed: a new attempt series, due now, or paused while its
	 * destination is off.
	 */
	REPLAY(EnumSet.of(DELIVERED, DEAD), EnumSet.of(PENDING, PAUSED));

	private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");

	private final Set<DeliveryStatus> from;

	private final Set<DeliveryStatus> to;

	DeliveryTransition(Set<DeliveryStatus> from, Set<DeliveryStatus> to) {
		this.from = Collections.unmodifiableSet(from);
		this.to = Collections.unmodifiableSet(to);
	}

	/**
	 * The statuses this transition takes a delivery out of.
	 * @return the statuses, empty for {@link #CREATE} (the delivery is new)
	 */
	public Set<DeliveryStatus> from() {
		return this.from;
	}

	/**
	 * The statuses this transition may leave a delivery in.
	 * @return the statuses
	 */
	public Set<DeliveryStatus> to() {
		return this.to;
	}

	/**
	 * Whether this transition may take a delivery from one status to another.
	 * @param from its status before, {@code null} for a new delivery
	 * @param to its status after
	 * @return whether the move is allowed
	 */
	public boolean allows(DeliveryStatus from, DeliveryStatus to) {
		boolean leaves = (from != null) ? this.from.contains(from) : this.from.isEmpty();
		return leaves && this.to.contains(to);
	}

	/**
	 * Checks a move.
	 * @param from its status before, {@code null} for a new delivery
	 * @param to its status after
	 * @return {@code to}
	 * @throws IllegalDeliveryTransition if this transition does not allow it
	 */
	public DeliveryStatus check(DeliveryStatus from, DeliveryStatus to) {
		if (!allows(from, to)) {
			throw new IllegalDeliveryTransition(this, from, to);
		}
		return to;
	}

	/**
	 * Checks a status this transition is to leave a delivery in, whatever it was before.
	 * @param to its status after
	 * @return {@code to}
	 * @throws IllegalDeliveryTransition if this transition cannot end there
	 */
	public DeliveryStatus target(DeliveryStatus to) {
		if (to == null || !this.to.contains(to)) {
			throw new IllegalDeliveryTransition(this, null, to);
		}
		return to;
	}

	/**
	 * Writes the statuses into a statement of this transition. {@code {from}} becomes the
	 * list of statuses it leaves ({@code ('pending', 'retrying')}), {@code {final}} the
	 * final statuses (for conditions on other deliveries), and {@code {paused}},
	 * {@code {leased}}, … a status's literal, allowed only for the statuses the
	 * transition leaves or reaches. A status written as a literal is refused: it would
	 * escape this check.
	 * @param template the statement, statuses as tokens
	 * @return the statement
	 * @throws IllegalDeliveryTransition if it names a status this transition does not
	 * touch
	 * @throws IllegalArgumentException if it names a status as a literal, or an unknown
	 * token
	 */
	public String sql(String template) {
		for (DeliveryStatus status : DeliveryStatus.values()) {
			if (template.contains(status.sqlLiteral())) {
				throw new IllegalArgumentException(
						this + ": write {" + status.columnValue() + "}, not " + status.sqlLiteral());
			}
		}
		Matcher tokens = TOKEN.matcher(template);
		StringBuilder sql = new StringBuilder();
		while (tokens.find()) {
			tokens.appendReplacement(sql, Matcher.quoteReplacement(expand(tokens.group(1))));
		}
		tokens.appendTail(sql);
		return sql.toString();
	}

	private String expand(String token) {
		if (token.equals("from")) {
			return DeliveryStatus.sqlList(this.from);
		}
		if (token.equals("final")) {
			return DeliveryStatus.sqlList(DeliveryStatus.FINAL);
		}
		DeliveryStatus status;
		try {
			status = DeliveryStatus.of(token);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(this + ": unknown token {" + token + "}");
		}
		if (!this.from.contains(status) && !this.to.contains(status)) {
			throw new IllegalDeliveryTransition(this, null, status);
		}
		return status.sqlLiteral();
	}

}
