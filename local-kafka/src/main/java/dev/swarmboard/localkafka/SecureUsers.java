package dev.swarmboard.localkafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who may connect to a secured {@link LocalKafka}: a super user (the brokers talk to each other as it, and
 * operators provision topics and ACLs with it) and the other users, each given a SCRAM-SHA-512 credential.
 * Everyone but the super user can only do what ACLs allow.
 *
 * @param superUser the broker's and operator's user, listed in {@code super.users}
 * @param users     the other users, one per service; none may repeat the super user
 */
public record SecureUsers(String superUser, List<String> users) {

    /** Names go into JAAS and SCRAM settings verbatim, so only characters that need no quoting. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Checks every name, so a bad one fails here and not inside a broker's login module. */
    public SecureUsers {
        Objects.requireNonNull(superUser, "superUser");
        users = List.copyOf(users);
        List<String> seen = new ArrayList<>();
        for (String name : all(superUser, users)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("user name '" + name + "' must be 1-64 of [A-Za-z0-9._-]");
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException("user name '" + name + "' is listed twice");
            }
            seen.add(name);
        }
    }

    /** The super user first, then the others. */
    public List<String> all() {
        return all(superUser, users);
    }

    private static List<String> all(String superUser, List<String> users) {
        List<String> all = new ArrayList<>();
        all.add(superUser);
        all.addAll(users);
        return all;
    }
}
