package tianping.power.derive;

import tianping.power.readings.ReadingVisitor;
import tianping.power.readings.ReadingsCsv;
import tianping.power.readings.ReadingsJson;
import tianping.power.readings.SeriesBuilder;
import tianping.read.CaseError;
import tianping.read.CaseRejected;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the readings files a case names (relative to the case file; .csv or .json by extension) into the
 * enterprise's series, hashing each as it is read so the fingerprint covers exactly the bytes that were used.
 */
final class ReadingsFiles {

    private ReadingsFiles() {
    }

    static List<DerivedFrom> load(String caseFile, List<String> names, Path baseDir, SeriesBuilder builder) throws CaseRejected {
        List<CaseError> errors = new ArrayList<>();
        List<DerivedFrom> read = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = PowerSection.PATH + ".readings[" + i + "]";
            Path path = baseDir.resolve(name);
            boolean csv = name.endsWith(".csv");
            if (!csv && !name.endsWith(".json")) {
                errors.add(new CaseError(caseFile, at, "case_value_error", "读数文件应为 .csv 或 .json，实际为“" + name + "”"));
                continue;
            }
            if (!Files.isRegularFile(path)) {
                errors.add(new CaseError(caseFile, at, "data_file_missing", "读数文件 " + path + " 不存在或不可读"));
                continue;
            }
            int file = builder.file(name);
            try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path)), sha256())) {
                ReadingVisitor visitor = visitor(builder, file);
                if (csv) ReadingsCsv.parse(in, visitor);
                else ReadingsJson.parse(in, visitor);
                drain(in);
                read.add(new DerivedFrom(name, "sha256:" + HexFormat.of().formatHex(in.getMessageDigest().digest())));
            } catch (IOException e) {
                errors.add(new CaseError(caseFile, at, "data_file_missing", "读数文件 " + path + " 读取失败：" + e.getMessage()));
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
                    builder.problem(file, line, "reading_other_enterprise", "读数属于企业 " + enterprise + "，不是本案企业 " + builder.enterprise());
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

    /** Reads what the parser left (a JSON parser stops at the closing bracket) so the hash covers the whole file. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // the digest sees every byte read
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
