/**
 * What concurrent writes through several server instances must leave behind: no lost or
 * doubled writes.
 */
package com.tenx.skills.concurrency;
