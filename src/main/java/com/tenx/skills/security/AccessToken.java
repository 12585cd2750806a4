package com.tenx.skills.security;

/** A freshly issued access token and its lifetime in seconds. */
public record AccessToken(String value, long expiresInSeconds) {
}
