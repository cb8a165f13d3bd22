package io.switchboard.admin.account;

import java.io.Serializable;

/**
 * What a portal session remembers of who signed in: their tenant and user ids, nothing
 * more. The member (role included) is read afresh from the database on each request.
 *
 * @param tenantId the tenant, {@code ten_…}
 * @param userId the user, {@code usr_…}
 */
record SignedIn(String tenantId, String userId) implements Serializable {

}
