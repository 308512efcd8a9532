package dev.kiln.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kiln.engine.compose.ComposeException;
import dev.kiln.engine.compose.ComposeFile;
import dev.kiln.engine.compose.ComposeParser;
import dev.kiln.engine.compose.DependencyOrder;
import dev.kiln.engine.compose.Service;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compose file parser under Jazzer (`kiln fuzz parsers --target compose`; docs/fuzzing.md):
 * any bytes are accepted, with what was accepted inside the bounds it promises, or refused with
 * a {@link ComposeException} whose message is one clear line. Seeds and findings:
 * src/test/resources/dev/kiln/fuzz/ComposeParserFuzzTestInputs/.
 */
class ComposeParserFuzzTest {
    private static final Path FILE = Path.of("/fuzz/project/compose.yaml");

    @FuzzTest(maxDuration = "60s")
    void composeFile(byte[] data) {
        ComposeFile f;
        try {
            f = ComposeParser.parse(data, FILE, "compose.yaml");
        } catch (ComposeException e) {
            if (!ImageFuzzer.isClear(e.getMessage())) {
                throw new AssertionError("refused with a message that is not one clear line: " + e.getMessage());
            }
            return;
        }
        if (f.services().isEmpty() || f.services().size() > 256) throw new AssertionError("services: " + f.services().size());
        Set<String> names = new HashSet<>();
        for (Service s : f.services()) {
            if (!names.add(s.name())) throw new AssertionError("service " + s.name() + " twice");
            if ((s.image() == null) == (s.build() == null)) throw new AssertionError(s.name() + ": image xor build");
            if (s.replicas() < 0 || s.replicas() > 100) throw new AssertionError(s.name() + ": replicas " + s.replicas());
            if (s.memoryMb() != null && (s.memoryMb() < 1 || s.memoryMb() > 3072)) throw new AssertionError(s.name() + ": memory " + s.memoryMb());
            for (String e : s.environment()) if (e.indexOf('=') <= 0) throw new AssertionError(s.name() + ": env " + e);
            for (String d : s.dependsOn().keySet()) if (f.service(d) == null) throw new AssertionError(s.name() + ": depends on unknown " + d);
        }
        List<Service> order = DependencyOrder.startOrder(f); // no cycle was accepted
        for (int i = 0; i < order.size(); i++) {
            for (String d : order.get(i).dependsOn().keySet()) {
                if (order.subList(i, order.size()).stream().anyMatch(s -> s.name().equals(d))) {
                    throw new AssertionError(order.get(i).name() + " starts before its dependency " + d);
                }
            }
        }
    }
}
