package dev.swarmboard.digest.report;

import dev.swarmboard.schema.EvidenceRef;
import java.util.List;

/**
 * A rendered mission report: the BLUF, the whole Markdown document (BLUF, matrix, verdict, diagram,
 * executive summary, evidence refs) and the evidence every claim in it cites.
 */
public record DigestReport(String bluf, String markdown, List<EvidenceRef> evidenceRefs) {

    public DigestReport {
        evidenceRefs = List.copyOf(evidenceRefs);
    }
}
