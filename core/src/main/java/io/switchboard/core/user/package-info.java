/**
 * People who sign in (their email, password hash and role in their tenant) and the use
 * cases both faces share: {@link io.switchboard.core.user.SignUp},
 * {@link io.switchboard.core.user.Invitations} and
 * {@link io.switchboard.core.user.Members}.
 */
package io.switchboard.core.user;
