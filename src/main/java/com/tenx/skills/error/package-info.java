/**
 * The contract's error codes and the exceptions that carry them from any layer to the web
 * edge.
 */
package com.tenx.skills.error;
