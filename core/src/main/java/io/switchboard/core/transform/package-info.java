/**
 * Destination transformations: a JSONata expression that maps the event a destination
 * would receive (original or normalized) to the body it is sent, bounded in time and
 * depth, with no regular expressions and no {@code $eval}, so no tenant's expression can
 * run for ever.
 */
package io.switchboard.core.transform;
