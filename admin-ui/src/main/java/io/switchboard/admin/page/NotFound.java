package io.switchboard.admin.page;

/**
 * A page for something this tenant does not have; answered 404 whether it does not exist
 * or belongs to another tenant.
 */
public class NotFound extends RuntimeException {

	/**
	 * A not-found page.
	 * @param what what was looked for, such as {@code source}
	 */
	public NotFound(String what) {
		super("No such " + what, null, false, false);
	}

}
