/**
 * Rate limits: per user on the handle routes and per client address and email on login,
 * kept in PostgreSQL so that every instance shares them (in memory on the embedded
 * default).
 */
package com.tenx.skills.ratelimit;
