package com.tenx.skills.identity;

import com.tenx.skills.error.AccessDenied;
import com.tenx.skills.error.Conflict;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role on a handle. Handle admins manage members up to their own level:
 * an ADMIN may neither grant OWNER nor change or remove an OWNER; owners and platform
 * admins may do all.
 */
@Service
class MembershipService {

    private static final Pattern USER_ID = Pattern
        .compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private final MembershipRepository memberships;

    private final UserRepository users;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final HandleChangeNotifications notifications;

    MembershipService(MembershipRepository memberships, UserRepository users, ApplicationEventPublisher events,
            Clock clock, HandleChangeNotifications notifications) {
        this.memberships = memberships;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.notifications = notifications;
    }

    @Transactional
    Role put(HandleGrant grant, String rawUserId, Role role) {
        UUID userId = existingUser(rawUserId);
        Optional<Membership> current = memberships.find(grant.handleId(), userId);
        requireOutranks(grant, role);
        current.ifPresent(membership -> requireOutranks(grant, membership.role()));
        if (current.isPresent() && current.get().role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(grant, userId);
        }
        Instant now = clock.instant();
        if (memberships.insertIfAbsent(grant.handleId(), userId, role.name(), now) == 0) {
            memberships.find(grant.handleId(), userId).orElseThrow().changeRole(role, now);
        }
        notifications.announceAccessChange();
        events.publishEvent(new MembershipChanged(grant, MembershipChanged.PUT, userId, role, now));
        return role;
    }

    @Transactional
    void delete(HandleGrant grant, String rawUserId) {
        UUID userId = parse(rawUserId);
        if (userId == null) {
            return;
        }
        Optional<Membership> current = memberships.find(grant.handleId(), userId);
        if (current.isEmpty()) {
            return;
        }
        requireOutranks(grant, current.get().role());
        if (current.get().role() == Role.OWNER) {
            requireAnotherOwner(grant, userId);
        }
        memberships.delete(grant.handleId(), userId);
        notifications.announceAccessChange();
        events.publishEvent(new MembershipChanged(grant, MembershipChanged.DELETE, userId, null, clock.instant()));
    }

    private static void requireOutranks(HandleGrant grant, Role role) {
        if (role == Role.OWNER && !grant.mayActAs(Role.OWNER)) {
            throw AccessDenied.insufficientRole();
        }
    }

    /** A handle always keeps at least one owner. */
    private void requireAnotherOwner(HandleGrant grant, UUID leaving) {
        if (memberships.lockOwners(grant.handleId()).stream().noneMatch(owner -> !owner.equals(leaving))) {
            throw Conflict.lastOwner("The handle would be left without an OWNER; make someone else OWNER first.");
        }
    }

    private UUID existingUser(String rawUserId) {
        UUID userId = parse(rawUserId);
        if (userId == null || users.findById(userId).isEmpty()) {
            throw new NotFound(ErrorCode.NOT_FOUND, "No such user.");
        }
        return userId;
    }

    /**
     * A user id in its one spelling, hex digits in either case; {@link UUID#fromString}
     * alone would also take signs ({@code +a1b2c3d-...}) for the same id.
     */
    private static UUID parse(String raw) {
        return raw != null && USER_ID.matcher(raw).matches() ? UUID.fromString(raw) : null;
    }

}
