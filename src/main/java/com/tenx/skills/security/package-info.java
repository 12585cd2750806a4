/**
 * Access tokens (issue and verify) and the stateless filter chain that authenticates
 * every call.
 */
package com.tenx.skills.security;
