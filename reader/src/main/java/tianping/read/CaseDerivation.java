package tianping.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.LawBook;

/**
 * Derives findings from raw data a case refers to (power readings, online monitoring packets): signals →
 * episodes → findings, kept apart from the decision rules. A derivation owns one top-level section of the case
 * file (e.g. "power", "monitoring"); when the section is present, the reader hands it the case and the
 * derivation returns the case with the findings it derived appended to {@code findings}, written in the
 * documented case format (exceedances, episodes with their evidence, fault, details).
 *
 * <p>Derivations are found with {@link java.util.ServiceLoader}; a module that provides one lists it in
 * {@code META-INF/services/tianping.read.CaseDerivation}. A derivation must be deterministic, and must add to
 * the case under {@code derivedFrom} an entry {file, sha256, section} for every data file it read, so the case's
 * input fingerprint covers the raw data too. A case whose {@code derivedFrom} already names the section (as a
 * logged case does on replay) is not derived again. The reader
 * checks the section against case.schema.json before calling the derivation, so a derivation reads its section in
 * the documented format. Data files are opened only through {@link ConfinedFiles}, so no case can read outside
 * its folder, and values no instrument can report are data errors located in their file, not facts.
 */
public interface CaseDerivation {

    /** The top-level case section this derivation reads, e.g. "power". */
    String section();

    /**
     * @param caseJson the case as read (a copy the derivation may modify and return)
     * @param data     the data files the case may read (its folder, or the operator's data root): every data
     *                 file named in the section is opened through it, never directly
     * @throws CaseRejected with JSON paths into the section, or file:line for bad data files
     */
    ObjectNode derive(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected;
}
