/**
 * Who may do what: users and login, tenants with their plan features, handles and
 * memberships, and the per-request access check for every handle route.
 */
package com.tenx.skills.identity;
