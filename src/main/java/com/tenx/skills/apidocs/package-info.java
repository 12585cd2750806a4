/**
 * The hand-written OpenAPI description of the HTTP contract, served by springdoc at
 * {@code /v3/api-docs}.
 */
package com.tenx.skills.apidocs;
