package com.tenx.skills.identity;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.security.AccessToken;
import com.tenx.skills.security.TokenService;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Exchanges an email and password for an access token. */
@Service
class LoginService {

    private final UserRepository users;

    private final PasswordEncoder passwords;

    private final TokenService tokens;

    /**
     * Compared against when the email is unknown, so both failures take the same time.
     */
    private final String decoyHash;

    LoginService(UserRepository users, PasswordEncoder passwords, TokenService tokens) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    /**
     * Outside a transaction: the user is read on a connection given back at once, so the
     * password hash's deliberate slowness never holds a pooled connection.
     */
    AccessToken login(String email, String password) {
        Optional<UserAccount> user = Emails.normalize(email).flatMap(users::findByEmail);
        String hash = user.map(UserAccount::passwordHash).orElse(decoyHash);
        boolean matches = Passwords.withinLimit(password) && passwords.matches(password, hash);
        if (user.isEmpty() || !matches) {
            throw new ContractException(ErrorCode.INVALID_CREDENTIALS, "The email or password is wrong.");
        }
        return tokens.issue(user.get().id(), user.get().tokensNotBefore());
    }

}
