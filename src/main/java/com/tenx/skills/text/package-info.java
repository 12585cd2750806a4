/**
 * Text helpers every feature shares: lower-casing with ASCII rules, SHA-256 in hex.
 */
package com.tenx.skills.text;
