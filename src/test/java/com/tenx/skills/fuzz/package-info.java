/**
 * Property-based requests against a running server: random bodies, headers and path
 * segments on every route, never a 5xx, every answer as the API description says.
 */
package com.tenx.skills.fuzz;
