/**
 * What people give Switchboard, checked once for every face: {@link InputErrors} collects
 * what is wrong, field by field, and {@link InvalidInput} carries it to the API (400
 * {@code validation-failed}) and to the portal (the form again, each message beside its
 * field).
 */
package io.switchboard.core.input;
