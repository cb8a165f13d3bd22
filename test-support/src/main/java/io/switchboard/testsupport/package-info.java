/**
 * A real PostgreSQL for every integration test: the one
 * {@code SWITCHBOARD_TEST_DATABASE_URL} names, else Testcontainers when Docker runs, else
 * embedded PostgreSQL; one per test run, shared by all tests.
 */
package io.switchboard.testsupport;
