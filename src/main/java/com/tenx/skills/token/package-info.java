/**
 * Personal access tokens for automation: creation, listing and revocation on a handle,
 * and their verification on the PAT route family ({@code /v2/public/handles/...}).
 */
package com.tenx.skills.token;
