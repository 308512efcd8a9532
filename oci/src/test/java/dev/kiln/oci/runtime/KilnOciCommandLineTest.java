package dev.kiln.oci.runtime;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * kiln-oci models only the command its arguments name: the command word it finds must be the one
 * picocli parses with every command modelled, for the command lines the shims and podman send.
 */
class KilnOciCommandLineTest {
    private static final List<String[]> SHIM_LINES = List.of(
            new String[] {"--root", "/run/containerd/runc/k8s.io", "--log", "/run/x/log.json", "--log-format", "json",
                    "--systemd-cgroup", "create", "--bundle", "/b", "--pid-file", "/b/init.pid", "abc"},
            new String[] {"--root", "/r", "--log", "/l", "--log-format", "json", "start", "abc"},
            new String[] {"--root=/r", "--log=/l", "state", "abc"},
            new String[] {"--root", "/r", "kill", "--all", "abc", "9"},
            new String[] {"--root", "/r", "--log", "/l", "--log-format", "json", "delete", "--force", "abc"},
            new String[] {"--systemd-cgroup", "--rootless", "false", "--root", "/r", "ps", "--format", "json", "abc"},
            new String[] {"--rootless", "--debug", "--criu", "/usr/sbin/criu", "features"},
            new String[] {"--root", "/r", "exec", "--process", "/p.json", "--detach", "abc"},
            new String[] {"--root", "/r", "resume", "abc"},
            new String[] {"aot-train"});

    @Test
    void theCommandWordIsTheCommandPicocliParses() {
        for (String[] line : SHIM_LINES) {
            CommandLine all = KilnOci.commandLine(new String[0]);
            List<CommandLine> parsed = all.parseArgs(line).asCommandLineList();
            String expected = parsed.get(parsed.size() - 1).getCommandName();
            String word = KilnOci.commandWord(line);
            assertEquals(expected, KilnOci.COMMANDS.containsKey(word)
                    ? new CommandLine(KilnOci.COMMANDS.get(word)).getCommandName() : word, String.join(" ", line));
            CommandLine one = KilnOci.commandLine(line);
            assertEquals(Set.of(expected), one.getSubcommands().values().stream().map(CommandLine::getCommandName)
                    .collect(java.util.stream.Collectors.toSet()), "only the named command is modelled: " + String.join(" ", line));
            List<CommandLine> again = one.parseArgs(line).asCommandLineList();
            assertEquals(expected, again.get(again.size() - 1).getCommandName());
        }
    }

    @Test
    void withoutACommandEveryCommandIsModelled() {
        assertNull(KilnOci.commandWord(new String[] {"--root", "/r", "--log-format", "json"}));
        assertEquals(Set.copyOf(KilnOci.COMMANDS.values()).size(),
                KilnOci.commandLine(new String[] {"--help"}).getSubcommands().values().stream().distinct().count());
        assertEquals(Set.copyOf(KilnOci.COMMANDS.values()).size(),
                KilnOci.commandLine(new String[] {"frobnicate"}).getSubcommands().values().stream().distinct().count());
    }
}
