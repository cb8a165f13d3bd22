/**
 * The audit log page: every configuration change, who made it and what it changed.
 */
package io.switchboard.admin.audit;
