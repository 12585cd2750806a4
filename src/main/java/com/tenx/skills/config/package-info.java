/** Deployment-wide settings: the clock, the database mode, migration details. */
package com.tenx.skills.config;
