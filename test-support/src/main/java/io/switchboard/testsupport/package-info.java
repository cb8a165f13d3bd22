/**
 * What integration tests share: a real PostgreSQL (the one
 * {@code SWITCHBOARD_TEST_DATABASE_URL} names, else Testcontainers when Docker runs, else
 * embedded PostgreSQL; one per test run, shared by all tests), a real webhook receiver
 * whose answer a test changes ({@link io.switchboard.testsupport.TestReceiver}) and the
 * providers' sample payloads.
 */
package io.switchboard.testsupport;
