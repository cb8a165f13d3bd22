/**
 * The audit log: who changed which configuration, when, and how it looked before and
 * after (secrets left out).
 */
package io.switchboard.core.audit;
