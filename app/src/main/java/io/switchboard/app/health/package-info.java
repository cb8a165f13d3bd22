/**
 * What the health endpoint reports about this process's database.
 */
package io.switchboard.app.health;
