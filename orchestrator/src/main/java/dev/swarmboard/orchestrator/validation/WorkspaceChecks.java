package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.ToolSpec;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.orchestrator.plan.RoutedLane;
import dev.swarmboard.orchestrator.workflow.Workflow;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Workspace;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrator's checks of a mission's workspace, in pinned form only (it never opens the
 * repository): the repository is an absolute path or a URL, the base a full commit id, every test tool
 * a registered test runner the mission allows, every test path relative and inside the repository,
 * and every lane whose workflow declares {@code red_green} has test tools to run.
 */
final class WorkspaceChecks {

    private WorkspaceChecks() {
    }

    static void check(MissionSpec spec, CapabilityRegistry registry, List<RoutedLane> lanes, List<Reason> rejections) {
        Workspace workspace = spec.getWorkspace();
        if (workspace != null) {
            checkPinned(workspace, rejections);
            checkTests(workspace, registry, spec.getConstraints().getAllowedCapabilities(), rejections);
        }
        for (int i = 0; i < lanes.size(); i++) {
            RoutedLane lane = lanes.get(i);
            if (lane.lane().getChecks().contains(Workflow.RED_GREEN)
                    && (workspace == null || workspace.getTests().isEmpty())) {
                rejections.add(Reasons.of(ReasonCode.INVALID_WORKSPACE, "lanes[" + i + "].workflow", "lane "
                        + lane.lane().getLaneId() + " declares " + Workflow.RED_GREEN
                        + ", which needs a workspace with tests"));
            }
        }
    }

    private static void checkPinned(Workspace workspace, List<Reason> rejections) {
        String repo = workspace.getRepo();
        if (repo.isBlank() || !(repo.startsWith("/") || GitCli.isUrl(repo))) {
            rejections.add(Reasons.of(ReasonCode.INVALID_WORKSPACE, "workspace.repo", "'" + repo
                    + "' is neither an absolute path nor a URL (swarm submit resolves a relative path)"));
        }
        if (!GitCli.OBJECT_ID.matcher(workspace.getBase()).matches()) {
            rejections.add(Reasons.of(ReasonCode.INVALID_WORKSPACE, "workspace.base", "'" + workspace.getBase()
                    + "' is not a full commit id (swarm submit pins the base before publishing)"));
        }
        for (int i = 0; i < workspace.getTestPaths().size(); i++) {
            String glob = workspace.getTestPaths().get(i);
            if (glob.isBlank() || glob.startsWith("/") || List.of(glob.split("/")).contains("..")) {
                rejections.add(Reasons.of(ReasonCode.INVALID_WORKSPACE, "workspace.test_paths[" + i + "]", "'"
                        + glob + "' must be a repository-relative path or glob without '..'"));
            }
        }
    }

    private static void checkTests(Workspace workspace, CapabilityRegistry registry, List<String> allowed,
                                   List<Reason> rejections) {
        for (int i = 0; i < workspace.getTests().size(); i++) {
            String tool = workspace.getTests().get(i);
            String field = "workspace.tests[" + i + "]";
            Optional<ToolSpec> spec = registry.tool(tool);
            if (spec.isEmpty()) {
                rejections.add(Reasons.of(ReasonCode.UNKNOWN, field, "unknown tool '" + tool + "'",
                        "registry entry tools." + tool));
            } else if (!spec.get().tests()) {
                rejections.add(Reasons.of(ReasonCode.INVALID_WORKSPACE, field, "tool '" + tool
                        + "' is not a test runner (the registry must mark it tests: true)"));
            } else if (!allowed.isEmpty() && !allowed.contains(tool)) {
                rejections.add(Reasons.of(ReasonCode.CAPABILITY_NOT_ALLOWED, field, "tool '" + tool
                        + "' is not in constraints.allowed_capabilities"));
            }
        }
    }
}
