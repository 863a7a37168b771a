package dev.swarmboard.lane.workspace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a change may touch a path of a checkout: well formed (see {@link ScopePaths#malformed}),
 * inside the lane's scope, and reached without passing a symbolic link — neither a folder on the way
 * nor the file itself may be a link, so no write can land outside the checkout.
 */
final class PathGuard {

    private PathGuard() {
    }

    static Optional<String> check(Path checkout, String path, List<String> scope) {
        Optional<String> malformed = ScopePaths.malformed(path);
        if (malformed.isPresent()) {
            return malformed;
        }
        if (!ScopePaths.inScope(scope, path)) {
            return Optional.of("'" + path + "' is outside the lane's scope " + scope);
        }
        Path current = checkout;
        for (String segment : path.split("/")) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                return Optional.of("'" + path + "' goes through the symbolic link " + checkout.relativize(current));
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
        }
        return Optional.empty();
    }
}
