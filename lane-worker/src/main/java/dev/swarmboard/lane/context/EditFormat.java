package dev.swarmboard.lane.context;

/** The change format as the model of a lane with a checkout is told it (docs/lane-worker.md says the same). */
final class EditFormat {

    static final String INSTRUCTIONS = """
            You may change the repository. Under your top-level key, give either
            changes:                       # a list of blocks, applied all or nothing
              - path: src/app.py           # repository-relative, inside the lane's scope
                search: "exact text that occurs exactly once in the file"
                replace: "its replacement"
              - path: src/new.py
                content: "the whole new or rewritten file"
              - path: src/old.py
                delete: true
            or
            diff: |                        # one unified diff, as git diff prints it (a/ and b/ prefixes)
              --- a/src/app.py
              +++ b/src/app.py
              @@ -1,2 +1,2 @@
            A block that does not apply (search text not found or found twice, a path outside the scope or the
            repository, through a symbolic link or inside .git) rejects the whole change: nothing is applied.""";

    private EditFormat() {
    }
}
