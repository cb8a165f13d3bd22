/**
 * Sign-in with email and password, the same for the portal and the API's HTTP Basic: the
 * throttle that refuses before a password is hashed.
 */
package io.switchboard.core.signin;
