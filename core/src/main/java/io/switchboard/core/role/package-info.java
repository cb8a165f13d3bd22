/**
 * The roles one Switchboard process plays ({@code switchboard.roles}) and the condition
 * that switches each module on.
 */
package io.switchboard.core.role;
