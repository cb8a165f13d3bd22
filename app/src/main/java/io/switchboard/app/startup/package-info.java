/**
 * What Switchboard says once it is ready: where the portal is and how to sign in.
 */
package io.switchboard.app.startup;
