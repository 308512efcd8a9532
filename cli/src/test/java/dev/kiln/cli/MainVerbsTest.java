package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Main gives picocli the verb a command line names, alone, and every verb otherwise (usage, help, a typo). */
class MainVerbsTest {
    @Test
    void aCommandLineThatNamesAVerbModelsThatVerbAlone() {
        assertEquals(Set.of("run"), Main.commandLine(new String[] {"run", "hello.img"}).getSubcommands().keySet());
        assertEquals(Set.of("ps"), Main.commandLine(new String[] {"ps", "-a"}).getSubcommands().keySet());
    }

    @Test
    void anythingElseModelsEveryVerb() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "run"}, new String[] {"rnu"},
                new String[] {"--version"})) {
            assertEquals(Main.verbs().keySet(), Main.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        assertEquals(Main.verbs().keySet(), Main.commandLine().getSubcommands().keySet());
    }

    @Test
    void everyVerbIsKnownByTheNameItsCommandGives() {
        Main.verbs().forEach((name, type) ->
                assertEquals(name, new picocli.CommandLine(type).getCommandName(), type.getName()));
        assertEquals(27, Main.verbs().size(), "a verb added or removed: " + Main.verbs().keySet());
    }
}
