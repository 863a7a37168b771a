package dev.swarmboard.lane.workspace;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the lane workspace directories so that no other user can steer them: the root is private
 * ({@code 0700}, owned by this process's user; an existing root with wider permissions is tightened
 * with a warning, one owned by anyone else or reached through a symbolic link is refused), every level
 * below it is a real directory of ours (a pre-created symbolic link is refused, never followed), and
 * each lane run gets a directory of its own that did not exist before:
 * {@code <root>/<mission>/<lane>/attempt-<n>-<random>}.
 */
public final class LaneDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(LaneDirectories.class);
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(PRIVATE);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private LaneDirectories() {
    }

    /** The default root: a per-user directory under the system temporary directory. */
    public static Path defaultRoot() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "swarm-lanes-" + user);
    }

    /** Creates the root, or checks (and tightens) an existing one; refused with the reason when unsafe. */
    public static Path prepareRoot(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.notExists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(absolute.getParent());
            try {
                return Files.createDirectory(absolute, PRIVATE_ATTRIBUTE);
            } catch (FileAlreadyExistsException raced) {
                LOG.debug("workspace root {} appeared meanwhile; checking it", absolute);
            }
        }
        requireOwnDirectory(absolute);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS);
        if (!permissions.equals(PRIVATE)) {
            LOG.warn("lane workspace root {} had permissions {}; set to rwx------", absolute,
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(absolute, PRIVATE);
        }
        return absolute;
    }

    /**
     * A new, empty directory for one run of a lane attempt. Refused (with the path and the reason) when
     * an id is not a safe file name or a level on the way is not a real directory of ours.
     */
    public static Path createFresh(Path root, String mission, String lane, int attempt) throws IOException {
        requireSafe(mission);
        requireSafe(lane);
        Path base = prepareRoot(root);
        Path laneDir = ownDirectory(ownDirectory(base.resolve(mission)).resolve(lane));
        return Files.createTempDirectory(laneDir, "attempt-" + attempt + "-", PRIVATE_ATTRIBUTE);
    }

    private static Path ownDirectory(Path dir) throws IOException {
        try {
            return Files.createDirectory(dir, PRIVATE_ATTRIBUTE);
        } catch (FileAlreadyExistsException exists) {
            requireOwnDirectory(dir);
            return dir;
        }
    }

    private static void requireOwnDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link; a lane directory is never reached through one");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal self = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(self)) {
            throw new IOException(dir + " is owned by " + owner.getName() + ", not by " + self.getName());
        }
    }

    private static void requireSafe(String id) throws IOException {
        if (!SAFE_NAME.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new IOException("'" + id + "' is not a safe directory name ([A-Za-z0-9._-], not . or ..)");
        }
    }
}
