package dev.swarmboard.input;

import java.nio.file.Path;

/** An input file refused before or while reading it; the message is one line naming the file and the rule. */
public final class InputFileException extends RuntimeException {

    private final transient Path file;

    public InputFileException(Path file, String problem) {
        super(file + " " + problem + " (input files are regular UTF-8 files of at most " + InputFile.MAX_BYTES
                + " bytes)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
