package dev.swarmboard.lane.context;

import dev.swarmboard.lane.workspace.Checkout.RepoFile;
import dev.swarmboard.lane.workspace.ScopePaths;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.FileRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository files a stage sees, by strategy: {@code scoped} and {@code full} the text of every file
 * in the lane's scope, {@code distilled} each file's line count and first lines, {@code fresh} none.
 * Each file is under a header with its path, blob id and line count. Budgets: {@value #FILE_BUDGET_BYTES}
 * bytes per file, {@value #PROMPT_BUDGET_BYTES} for all files of a prompt; what a budget cuts is said in
 * the prompt and in the notes the receipt carries. Binary files and links are listed, never inlined.
 */
public final class RepoContext {

    public static final int FILE_BUDGET_BYTES = 16_384;
    public static final int PROMPT_BUDGET_BYTES = 65_536;

    private RepoContext() {
    }

    /** The prompt section, the files it showed and what the budgets left out. */
    public record Rendered(String text, List<FileRef> files, List<String> notes) {
    }

    public static Rendered render(ContextStrategy strategy, Path checkout, List<RepoFile> tree, List<String> scope) {
        if (strategy == ContextStrategy.FRESH || strategy == ContextStrategy.UNSPECIFIED) {
            return new Rendered("", List.of(), List.of());
        }
        List<RepoFile> inScope = tree.stream().filter(file -> ScopePaths.inScope(scope, file.path())).toList();
        StringBuilder text = new StringBuilder("# Repository files in scope (").append(inScope.size()).append(")\n");
        List<FileRef> refs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int used = 0;
        for (RepoFile file : inScope) {
            refs.add(new FileRef(file.path(), file.blobId()));
            Optional<String> content = file.symlink() || file.submodule() ? Optional.empty()
                    : text(checkout.resolve(file.path()));
            if (content.isEmpty()) {
                text.append(header(file, file.symlink() ? "symbolic link" : file.submodule() ? "submodule"
                        : "binary")).append(": listed, not shown\n");
                continue;
            }
            String body = content.get();
            long lines = body.lines().count();
            if (strategy == ContextStrategy.DISTILLED) {
                text.append(header(file, lines + " lines")).append('\n');
                body.lines().limit(Rendering.DISTILLED_LINES).forEach(line -> text.append(line).append('\n'));
                continue;
            }
            if (used >= PROMPT_BUDGET_BYTES) {
                text.append(header(file, lines + " lines")).append(": not shown, the prompt's file budget of ")
                        .append(PROMPT_BUDGET_BYTES).append(" bytes is used up\n");
                notes.add(file.path() + ": not shown (prompt file budget " + PROMPT_BUDGET_BYTES + " bytes)");
                continue;
            }
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            int allowed = Math.min(FILE_BUDGET_BYTES, PROMPT_BUDGET_BYTES - used);
            text.append(header(file, lines + " lines")).append('\n');
            if (bytes > allowed) {
                String cut = cut(body, allowed);
                text.append(cut).append(cut.endsWith("\n") ? "" : "\n").append("[file cut: showing ")
                        .append(cut.getBytes(StandardCharsets.UTF_8).length).append(" of ").append(bytes)
                        .append(" bytes, over the budget of ").append(allowed).append(" bytes]\n");
                notes.add(file.path() + ": cut at " + cut.getBytes(StandardCharsets.UTF_8).length + " of " + bytes
                        + " bytes (budget " + allowed + " bytes)");
                // a cut by the prompt's budget uses it up: later files are listed as not shown
                used = allowed < FILE_BUDGET_BYTES ? PROMPT_BUDGET_BYTES : used + cut.getBytes(StandardCharsets.UTF_8).length;
            } else {
                text.append(body).append(body.endsWith("\n") || body.isEmpty() ? "" : "\n");
                used += bytes;
            }
        }
        return new Rendered(text.toString(), refs, notes);
    }

    private static String header(RepoFile file, String what) {
        return "### file " + file.path() + " (blob " + file.blobId() + ", " + what + ")";
    }

    /** The longest prefix of whole lines within the byte budget. */
    private static String cut(String body, int budget) {
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (String line : body.lines().toList()) {
            int size = (line + "\n").getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.append(line).append('\n');
            bytes += size;
        }
        return kept.toString();
    }

    /** The file's text, or empty when it is not UTF-8 text (holds a NUL byte or does not decode). */
    private static Optional<String> text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
