package com.tenx.skills.identity;

import com.tenx.skills.error.Conflict;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import com.tenx.skills.error.InvalidInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts: creation by platform admins and the bootstrap admin, password changes.
 */
@Service
class AccountService {

    private final UserRepository users;

    private final PasswordEncoder passwords;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    AccountService(UserRepository users, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
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
        String passwordProblem = Passwords.problem(password, rawEmail);
        if (passwordProblem != null) {
            problems.add(new FieldProblem("password", passwordProblem));
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
        String problem = Passwords.problem(password, email);
        if (problem != null) {
            throw new IllegalStateException("SKILLS_BOOTSTRAP_ADMIN_PASSWORD " + problem);
        }
        if (users.findByEmail(email).isPresent()) {
            return false;
        }
        return users.insertIfAbsent(UUID.randomUUID(), email, passwords.encode(password), true, clock.instant()) == 1;
    }

    /** The email of a signed-in user, whom the token names. */
    @Transactional(readOnly = true)
    String email(UUID user) {
        return users.findById(user).map(UserAccount::email).orElseThrow(HandleAccess::unknownUser);
    }

    /**
     * Replaces the user's password when {@code current} is right, and ends every access
     * token issued before now: the cut-off is now rounded up to the next whole second,
     * since a token's {@code iat} has second resolution (a sign-in later in this second
     * gets a token issued at the cut-off, see {@code TokenService.issue}).
     */
    @Transactional
    void changePassword(UUID user, String current, String replacement) {
        UserAccount account = users.findById(user).orElseThrow(HandleAccess::unknownUser);
        String problem = Passwords.problem(replacement, account.email());
        if (problem != null) {
            throw InvalidInput.field(ErrorCode.INVALID_REQUEST, "newPassword", problem);
        }
        if (!Passwords.withinLimit(current) || !passwords.matches(current, account.passwordHash())) {
            throw new WrongPassword();
        }
        long now = clock.millis();
        long notBefore = Math.floorDiv(now + 999, 1000);
        users.changePassword(user, passwords.encode(replacement), notBefore);
        events.publishEvent(new PasswordChanged(user));
    }

}
