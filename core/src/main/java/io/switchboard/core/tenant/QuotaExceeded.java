package io.switchboard.core.tenant;

/**
 * An organisation already has the most of a resource it may have.
 */
public class QuotaExceeded extends RuntimeException {

	private final String resource;

	private final int limit;

	/**
	 * @param resource what it has too many of, plural ({@code sources})
	 * @param limit the most it may have
	 */
	public QuotaExceeded(String resource, int limit) {
		super("This organisation already has " + limit + " " + resource + ", the most it may have. Delete one first,"
				+ " or ask the operator to raise switchboard.quotas." + resource + ".", null, false, false);
		this.resource = resource;
		this.limit = limit;
	}

	public String resource() {
		return this.resource;
	}

	public int limit() {
		return this.limit;
	}

}
