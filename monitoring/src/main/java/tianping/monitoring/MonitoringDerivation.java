package tianping.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.LawBook;
import tianping.monitoring.section.MonitoringSection;
import tianping.read.CaseDerivation;
import tianping.read.CaseError;
import tianping.read.CaseReader;
import tianping.read.ConfinedFiles;
import tianping.read.CaseRejected;

import java.util.List;

/**
 * The case section {@code monitoring}: raw online-monitoring data (HJ 212 packets or CSV exports) → valid hourly
 * and daily means → exceedance episodes → one finding per outlet with exceedances (air_exceedance or
 * water_exceedance), with the evidence it rests on. The thresholds it applies are rows of the rule set's tables
 * (parameters.csv, data-flags.csv, reference-oxygen.csv, monitoring-codes.csv), so a rule set's fingerprint
 * covers them, and every data file's sha256 goes into the case's {@code derivedFrom}, so the input's does.
 *
 * <p>A case whose section or data cannot be used is refused with every error located ({@code $.monitoring…} or
 * {@code file:line}); bad packets inside a data file are not: they are reported in the evidence and in
 * {@code monitoringReport}, and the rest of the file is used.
 */
public final class MonitoringDerivation implements CaseDerivation {

    public static final String SECTION = "monitoring";

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public ObjectNode derive(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected {
        MonitoringSection section;
        try {
            section = CaseReader.mapper().treeToValue(caseJson.get(SECTION), MonitoringSection.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new CaseRejected(List.of(new CaseError(file, tianping.read.JsonErrorText.path("$." + SECTION, e), "case_schema_error", tianping.read.JsonErrorText.value(e))));
        } catch (JsonProcessingException e) {
            throw new CaseRejected(List.of(new CaseError(file, "$." + SECTION, "case_schema_error", tianping.read.JsonErrorText.syntaxMessage(e))));
        }
        return new Derivation(file, caseJson, data, law, section).run();
    }
}
