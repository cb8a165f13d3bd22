/**
 * The API described: the OpenAPI document at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html} (springdoc), with scopes and problem answers for every
 * endpoint, only in the api role.
 */
package io.switchboard.api.openapi;
