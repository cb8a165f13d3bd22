/**
 * What an event's payload says: its type, call id, time, test flag and the key that makes
 * a provider retry a duplicate.
 */
package io.switchboard.core.event;
