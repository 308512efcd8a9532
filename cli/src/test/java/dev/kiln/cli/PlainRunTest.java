package dev.kiln.cli;

import dev.kiln.cli.engine.DaemonOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain `kiln run IMAGE` without picocli makes the very command picocli would, and nothing else is taken for one. */
class PlainRunTest {
    @Test
    void makesTheCommandPicocliMakes() throws Exception {
        for (String[] args : List.of(
                new String[] {"run", "hello.kiln"},
                new String[] {"run", "/tmp/some dir/hello.kiln"},
                new String[] {"run", "hello.kiln", "--"},
                new String[] {"run", "hello.kiln", "--", "a", "-b", "--c", "@d", "--"})) {
            RunCommand plain = PlainRun.parse(args);
            assertNotNull(plain, String.join(" ", args));
            assertSameFields(picocli(args), plain, String.join(" ", args));
        }
    }

    @Test
    void leavesEveryOtherCommandLineToPicocli() {
        for (String[] args : List.of(
                new String[] {"run"},
                new String[] {"run", "--mem", "64", "hello.kiln"},
                new String[] {"run", "hello.kiln", "--mem", "64"},
                new String[] {"run", "hello.kiln", "extra"},
                new String[] {"run", "-d", "hello.kiln"},
                new String[] {"run", "--help"},
                new String[] {"run", "--", "hello.kiln"},
                new String[] {"run", "@args.txt"},
                new String[] {"run", ""},
                new String[] {"build", "hello.kiln"},
                new String[] {"hello.kiln", "run"})) {
            assertNull(PlainRun.parse(args), String.join(" ", args));
        }
    }

    @Test
    void aFailureGivesKilnsErrorStatus() {
        RunCommand missing = PlainRun.parse(new String[] {"run", "/nonexistent/kiln-plain-run.kiln"});
        assertEquals(ErrorReporter.KILN_ERROR, PlainRun.execute(missing));
    }

    private static RunCommand picocli(String[] args) {
        CommandLine cl = Main.commandLine(args);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        assertTrue(parsed.hasSubcommand());
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    /** Every instance field of RunCommand (and of its --host mixin) is equal in both. */
    private static void assertSameFields(Object expected, Object actual, String what) throws IllegalAccessException {
        for (Field f : expected.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            f.setAccessible(true);
            Object e = f.get(expected), a = f.get(actual);
            if (e instanceof DaemonOptions) {
                assertNotNull(a, what + ": " + f.getName());
                assertSameFields(e, a, what + ": " + f.getName());
            } else if (!(e instanceof CommandLine.Model.CommandSpec)) {
                assertEquals(e, a, what + ": " + f.getName());
            }
        }
    }
}
