package tianping.power.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a power-batch result against the generator's truth: every planted anomaly must be found (same kind,
 * same channel, overlapping in time, suppressed exactly when it was pre-reported), every enterprise must end in
 * the status planted for it, and a clean enterprise must show no episode at all.
 */
public final class GroundTruth {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The comparison; {@code problems} lists the first misses, one line each. */
    public record Report(int planted, int found, int enterprises, int statusMatches, int cleanEnterprises,
                         int falseOnClean, List<String> problems) {
        public boolean passed() {
            return found == planted && statusMatches == enterprises && falseOnClean == 0;
        }
    }

    private GroundTruth() {
    }

    public static Report check(Path truth, Path results) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                if (n.hasNonNull("enterprise")) out.put(n.get("enterprise").asText(), n);
            }
        }
        int planted = 0, found = 0, enterprises = 0, statusMatches = 0, clean = 0, falseOnClean = 0;
        List<String> problems = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode t = JSON.readTree(line);
                String uscc = t.get("enterprise").asText();
                enterprises++;
                JsonNode o = out.get(uscc);
                String status = o == null ? "（无输出）" : o.path("status").asText();
                if (status.equals(t.get("status").asText())) statusMatches++;
                else note(problems, uscc + "（" + t.get("seed").asText() + "）应为 " + t.get("status").asText() + "，实为 " + status);
                JsonNode episodes = o == null ? JSON.createArrayNode() : o.path("episodes");
                if (t.get("status").asText().equals("clean")) {
                    clean++;
                    if (episodes.size() > 0) {
                        falseOnClean++;
                        note(problems, uscc + "（" + t.get("seed").asText() + "）应无异常，实有 " + episodes.get(0).path("evidence").asText());
                    }
                }
                for (JsonNode a : t.get("anomalies")) {
                    planted++;
                    if (matched(a, episodes)) found++;
                    else note(problems, uscc + " 未发现植入的 " + a.get("kind").asText() + " " + a.get("channel").asText() + " "
                            + a.get("start").asText() + "–" + a.get("end").asText());
                }
            }
        }
        return new Report(planted, found, enterprises, statusMatches, clean, falseOnClean, problems);
    }

    private static boolean matched(JsonNode a, JsonNode episodes) {
        for (JsonNode e : episodes) {
            if (e.get("kind").asText().equals(a.get("kind").asText()) && e.get("channel").asText().equals(a.get("channel").asText())
                    && e.get("suppressed").asBoolean() == a.get("suppressed").asBoolean()
                    && e.get("start").asText().compareTo(a.get("end").asText()) < 0
                    && a.get("start").asText().compareTo(e.get("end").asText()) < 0) return true;
        }
        return false;
    }

    private static void note(List<String> problems, String p) {
        if (problems.size() < 20) problems.add(p);
    }
}
