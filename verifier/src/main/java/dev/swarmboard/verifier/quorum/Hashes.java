package dev.swarmboard.verifier.quorum;

/** How reasons print hashes: the first 12 hex digits, enough to tell two apart at a glance. */
final class Hashes {

    private static final int SHOWN = 12;

    private Hashes() {
    }

    static String abbreviate(String hash) {
        return hash == null ? "none" : hash.length() <= SHOWN ? hash : hash.substring(0, SHOWN);
    }
}
