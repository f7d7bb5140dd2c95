package tianping.law;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before any table is parsed, characters that have no place in legal text and could break out of a
 * literal or a comment in the generated rules (see {@link DrlText#problem}): control and format characters,
 * backslashes, {@code *}{@code /}, and line breaks inside a cell. Each is reported on the line it is on.
 */
public final class TableText {

    private TableText() {
    }

    public static List<TableError> check(RuleFiles files) {
        List<TableError> errors = new ArrayList<>();
        for (String path : files.paths("tables/", ".csv")) {
            String text = strictUtf8(files.get(path));
            if (text != null) check(path, text, errors); // not UTF-8: the table reader reports it once, with the fix
        }
        return errors;
    }

    private static String strictUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    static void check(String path, String text, List<TableError> errors) {
        boolean quoted = false;
        if (text.startsWith("\uFEFF")) text = text.substring(1); // the byte-order mark Excel writes for "CSV UTF-8"
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) break;
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            long lineNo = i + 1;
            if (quoted) {
                errors.add(new TableError(path, lineNo - 1, "unsafe_text", "单元格内有换行：一个单元格只能写在一行内"));
                quoted = false;
            }
            String problem = DrlText.problem(line);
            if (problem != null) {
                errors.add(new TableError(path, lineNo, "unsafe_text", "本行" + problem + "：表格文字不能含控制字符、反斜杠或“*/”"));
                continue;
            }
            if (line.startsWith("#")) continue;
            for (int k = 0; k < line.length(); k++) if (line.charAt(k) == '"') quoted = !quoted;
        }
        if (quoted) errors.add(new TableError(path, lines.length, "unsafe_text", "单元格的引号没有闭合"));
    }
}
