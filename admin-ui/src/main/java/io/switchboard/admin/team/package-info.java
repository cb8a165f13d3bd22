/**
 * The team page: members and their roles, invitations with one-time links shown to the
 * inviter, removing members.
 */
package io.switchboard.admin.team;
