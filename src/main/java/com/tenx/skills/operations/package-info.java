/**
 * Running as a deployed instance: the probes on the API port, the drain on shutdown, and
 * the start-up checks that refuse a configuration nobody should run.
 */
package com.tenx.skills.operations;
