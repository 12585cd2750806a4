/**
 * The embedded default database: the server with no database configured, kept under its
 * data directory.
 */
package com.tenx.skills.embedded;
