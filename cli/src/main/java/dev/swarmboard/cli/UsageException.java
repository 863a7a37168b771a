package dev.swarmboard.cli;

/** An error in what the user asked (a file that does not validate, an unknown id): exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
