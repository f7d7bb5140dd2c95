package tianping.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's fingerprint: the hash of the code that decides, as built, and nothing else. */
class EngineCodeTest {

    @Test
    void theBuildRecordedTheHashOfTheDecidingClassesOnTheClassPath() throws IOException {
        assertTrue(EngineVersion.CODE.matches("sha256:[0-9a-f]{64}"), EngineVersion.CODE);
        assertEquals(EngineCode.of(EngineCode.runningClassPath()), EngineVersion.CODE,
                "构建时记下的引擎指纹就是类路径上作出决定的类的哈希");
    }

    @Test
    void anyByteOfADecidingClassChangesItAndOtherCodeDoesNot(@TempDir Path a, @TempDir Path b) throws IOException {
        write(a, "tianping/decide/Precedence.class", "类字节 1");
        write(a, "tianping/facts/Finding.class", "类字节 2");
        String before = EngineCode.of(List.of(a));

        write(a, "tianping/cli/Main.class", "命令行不作决定");
        write(a, "tianping/rules/Rule_1.class", "规则集的可执行模型由规则集指纹覆盖");
        write(a, "tianping/law/notes.txt", "非类文件");
        assertEquals(before, EngineCode.of(List.of(a)));

        write(a, "tianping/decide/Precedence.class", "类字节 1 改");
        assertNotEquals(before, EngineCode.of(List.of(a)));

        write(a, "tianping/decide/Precedence.class", "类字节 1");
        write(a, "tianping/schema/case.schema.json", "{}");
        assertNotEquals(before, EngineCode.of(List.of(a)), "案件格式决定哪些案件被拒，也是引擎的一部分");
    }

    @Test
    void theOrderOfTheClassPathDoesNotMatterButTwoDifferentCopiesAreRefused(@TempDir Path a, @TempDir Path b) throws IOException {
        write(a, "tianping/law/LawBook.class", "甲");
        write(b, "tianping/power/Grid.class", "乙");
        assertEquals(EngineCode.of(List.of(a, b)), EngineCode.of(List.of(b, a)));
        write(b, "tianping/law/LawBook.class", "丙");
        assertThrows(IOException.class, () -> EngineCode.of(List.of(a, b)));
    }

    private static void write(Path root, String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
