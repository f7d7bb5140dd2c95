package tianping.power.derive;

import tianping.power.readings.ReadingVisitor;
import tianping.power.readings.ReadingsCsv;
import tianping.power.readings.ReadingsJson;
import tianping.power.readings.SeriesBuilder;
import tianping.read.CaseError;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;
import tianping.read.Excerpt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the readings files a case names (relative to the case file; .csv or .json by extension) into the
 * enterprise's series, each opened through {@link ConfinedFiles} (inside the case's folder or the data root,
 * a regular file, bounded in size) and hashed as it is streamed, so the fingerprint covers exactly the bytes used.
 */
final class ReadingsFiles {

    private ReadingsFiles() {
    }

    static List<DerivedFrom> load(String caseFile, List<String> names, ConfinedFiles files, SeriesBuilder builder) throws CaseRejected {
        List<CaseError> errors = new ArrayList<>();
        List<DerivedFrom> read = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = PowerSection.PATH + ".readings[" + i + "]";
            boolean csv = name.endsWith(".csv");
            if (!csv && !name.endsWith(".json")) {
                errors.add(new CaseError(caseFile, at, "case_value_error", "读数文件应为 .csv 或 .json，实际为“" + Excerpt.of(name) + "”"));
                continue;
            }
            try (ConfinedFiles.Opened opened = files.open(name)) {
                int file = builder.file(name);
                ReadingVisitor visitor = visitor(builder, file);
                InputStream in = new BufferedInputStream(opened.stream(), 1 << 16);
                if (csv) ReadingsCsv.parse(in, visitor);
                else ReadingsJson.parse(in, visitor);
                read.add(new DerivedFrom(name, opened.sha256()));
            } catch (ConfinedFiles.Refused e) {
                errors.add(new CaseError(caseFile, at, e.code(), e.getMessage()));
            } catch (ConfinedFiles.TooLarge e) {
                errors.add(new CaseError(caseFile, at, "data_file_too_large", e.getMessage()));
            } catch (IOException e) {
                errors.add(new CaseError(caseFile, at, "data_file_missing", "读数文件“" + Excerpt.of(name) + "”读取失败"));
            }
        }
        builder.problems().forEach(p -> errors.add(new CaseError(caseFile, p.where(), p.code(), p.message())));
        if (builder.problemCount() > builder.problems().size()) {
            errors.add(new CaseError(caseFile, PowerSection.PATH + ".readings", "reading_malformed", "另有 "
                    + (builder.problemCount() - builder.problems().size()) + " 处读数问题未列出"));
        }
        if (!errors.isEmpty()) throw new CaseRejected(errors);
        return read;
    }

    /** Readings of the case's enterprise go to the builder; a row naming another enterprise is an error. */
    static ReadingVisitor visitor(SeriesBuilder builder, int file) {
        return new ReadingVisitor() {
            @Override
            public void reading(String enterprise, String channel, long minute, double kw, long line) {
                if (!enterprise.isEmpty() && !enterprise.equals(builder.enterprise())) {
                    builder.problem(file, line, "reading_other_enterprise", "读数属于企业 " + Excerpt.of(enterprise) + "，不是本案企业 " + builder.enterprise());
                } else {
                    builder.add(channel, minute, kw, file, line);
                }
            }

            @Override
            public void malformed(long line, String message) {
                builder.problem(file, line, "reading_malformed", message);
            }
        };
    }
}
