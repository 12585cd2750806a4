/**
 * Text helpers every feature shares: lower-casing with ASCII rules, SHA-256 in hex, the
 * characters a header or parameter may hold.
 */
package com.tenx.skills.text;
