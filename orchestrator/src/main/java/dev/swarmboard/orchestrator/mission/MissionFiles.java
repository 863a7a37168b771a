package dev.swarmboard.orchestrator.mission;

import dev.swarmboard.capability.YamlDocument;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.orchestrator.validation.ReasonCode;
import dev.swarmboard.orchestrator.validation.Reasons;
import dev.swarmboard.orchestrator.validation.Validation;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.input.InputFile;
import dev.swarmboard.input.InputFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Client-side reading of mission files for {@code swarm submit}: {@link #parse} turns a YAML or JSON
 * file into a {@link SubmitMission} or reasons with field paths and lines; {@link #check} also runs
 * the same {@link MissionValidator} the orchestrator runs, so a bad mission fails before it is sent.
 */
public final class MissionFiles {

    private MissionFiles() {
    }

    public static MissionFile parse(Path file) {
        return read(file).file();
    }

    public static MissionFile parse(String text, String source) {
        return read(text, source).file();
    }

    /** Parses and validates as of {@code now}, locating every validation reason in the file. */
    public static MissionFile check(Path file, MissionValidator validator, Instant now) {
        return check(read(file), validator, now);
    }

    public static MissionFile check(String text, String source, MissionValidator validator, Instant now) {
        return check(read(text, source), validator, now);
    }

    private static MissionFile check(Read read, MissionValidator validator, Instant now) {
        if (!read.file().valid()) {
            return read.file();
        }
        SubmitMission submission = read.file().submission().orElseThrow();
        Validation validation = validator.validate(submission.getMission(), now, now);
        List<Reason> notes = validation.undecidable().stream().map(reason -> located(reason, read.document())).toList();
        if (validation.rejected()) {
            return new MissionFile(read.file().source(), Optional.empty(),
                    validation.rejections().stream().map(reason -> located(reason, read.document())).toList(), notes);
        }
        return new MissionFile(read.file().source(), Optional.of(submission), List.of(), notes);
    }

    private static Reason located(Reason reason, YamlDocument document) {
        return Reason.newBuilder(reason)
                .setField(Locations.at(reason.getField(), document == null ? 0 : document.lineOf(reason.getField())))
                .build();
    }

    private static Read read(Path file) {
        try {
            Read read = read(InputFile.readText(file), String.valueOf(file.getFileName()));
            return pinned(read, file.toAbsolutePath().getParent());
        } catch (InputFileException e) {
            return new Read(invalid(file.toString(), List.of(Reasons.of(ReasonCode.INVALID_MISSION_FILE, "",
                    e.getMessage()))), null);
        }
    }

    private static Read read(String text, String source) {
        YamlDocument document = YamlDocument.parse(text);
        Optional<MissionSpec> spec = MissionFileReader.read(document);
        if (spec.isEmpty()) {
            return new Read(invalid(source, document.errors().stream()
                    .map(error -> Locations.reason(ReasonCode.INVALID_MISSION_FILE, error)).toList()), document);
        }
        SubmitMission submission = SubmitMission.newBuilder().setMission(spec.get()).setSource(source).build();
        return new Read(new MissionFile(source, Optional.of(submission), List.of(), List.of()), document);
    }

    /** The read file with its workspace pinned (see {@link WorkspacePins}); the id is derived again when generated. */
    private static Read pinned(Read read, Path missionDir) {
        Optional<SubmitMission> submission = read.file().submission();
        if (submission.isEmpty() || submission.get().getMission().getWorkspace() == null) {
            return read;
        }
        MissionSpec spec = submission.get().getMission();
        WorkspacePins.Pinned pinned = WorkspacePins.pin(spec.getWorkspace(), missionDir);
        if (pinned.workspace().isEmpty()) {
            return new Read(invalid(read.file().source(), pinned.reasons().stream()
                    .map(reason -> located(reason, read.document())).toList()), read.document());
        }
        MissionSpec.Builder pinnedSpec = MissionSpec.newBuilder(spec).setWorkspace(pinned.workspace().get());
        boolean generatedId = read.document().root().map(root -> !root.has("id")).orElse(false);
        if (generatedId) {
            pinnedSpec.setMissionId(MissionFileReader.generatedId(pinnedSpec.setMissionId("").build()));
        }
        SubmitMission pinnedSubmission = SubmitMission.newBuilder(submission.get()).setMission(pinnedSpec.build()).build();
        return new Read(new MissionFile(read.file().source(), Optional.of(pinnedSubmission), List.of(), List.of()),
                read.document());
    }

    private static MissionFile invalid(String source, List<Reason> reasons) {
        return new MissionFile(source, Optional.empty(), reasons, List.of());
    }

    /** A parsed file with the document its lines come from (null when the file could not be read). */
    private record Read(MissionFile file, YamlDocument document) {
    }
}
