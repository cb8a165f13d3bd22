/**
 * Issues: what is wrong with a tenant's relay (a destination switched off, one failing
 * for minutes, a source refusing requests), why, since when and what it affects; opened
 * and resolved by {@link IssueScan}, read and acknowledged through {@link Issues}.
 */
package io.switchboard.core.issue;
