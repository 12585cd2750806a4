package com.tenx.skills.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the platform admin named by {@code SKILLS_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code SKILLS_BOOTSTRAP_ADMIN_PASSWORD} at start-up, unless a user already has that
 * email.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;

    private final String email;

    private final String password;

    BootstrapAdmin(AccountService accounts, @Value("${skills.bootstrap-admin.email:}") String email,
            @Value("${skills.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isEmpty()) {
            return;
        }
        if (accounts.ensurePlatformAdmin(email, password)) {
            log.info("Created the bootstrap platform admin {}", email);
        }
    }

}
