package com.tenx.skills.identity;

import com.tenx.skills.error.Conflict;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: creation by platform admins and the bootstrap admin. */
@Service
class AccountService {

    private final UserRepository users;

    private final PasswordEncoder passwords;

    private final Clock clock;

    AccountService(UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A user account as created: never its password. */
    record Account(UUID id, String email, boolean platformAdmin) {
    }

    @Transactional
    Account create(String rawEmail, String password, boolean platformAdmin) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = Emails.normalize(rawEmail).orElse(null);
        if (email == null) {
            problems.add(new FieldProblem("email", "must be an email address"));
        }
        if (!Passwords.acceptableForNewAccount(password)) {
            problems.add(new FieldProblem("password",
                    "must be " + Passwords.MIN_CHARS + " characters to " + Passwords.MAX_BYTES + " bytes long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_REQUEST, "The user is not valid.", problems);
        }
        UUID id = UUID.randomUUID();
        if (users.insertIfAbsent(id, email, passwords.encode(password), platformAdmin, clock.instant()) == 0) {
            throw Conflict.of("A user with this email already exists.");
        }
        return new Account(id, email, platformAdmin);
    }

    /**
     * Creates the platform admin unless a user has that email; safe when instances start
     * together.
     */
    @Transactional
    boolean ensurePlatformAdmin(String rawEmail, String password) {
        String email = Emails.normalize(rawEmail)
            .orElseThrow(() -> new IllegalStateException("SKILLS_BOOTSTRAP_ADMIN_EMAIL is not an email address"));
        if (!Passwords.withinLimit(password)) {
            throw new IllegalStateException(
                    "SKILLS_BOOTSTRAP_ADMIN_PASSWORD must be 1 to " + Passwords.MAX_BYTES + " bytes long");
        }
        if (users.findByEmail(email).isPresent()) {
            return false;
        }
        return users.insertIfAbsent(UUID.randomUUID(), email, passwords.encode(password), true, clock.instant()) == 1;
    }

}
