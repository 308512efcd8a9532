package dev.kiln.builder.nativeimage;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * Every input class file is read and its bytecode verified before anything else uses it, so a
 * broken one (a bad constant pool, truncated, bit-flipped, from a JDK newer than Kiln knows) is
 * one build error naming the file, instead of an exception deep in ASM or an assertion in TeaVM.
 */
final class ClassFileCheck {
    /** Java 25. Newer class files may hold what the downgrader and TeaVM do not know: refused, not guessed. */
    static final int MAX_MAJOR = 69;

    private ClassFileCheck() {}

    static void check(String name, byte[] bytes) throws NativeBuildException {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe || (bytes[2] & 0xff) != 0xba
                || (bytes[3] & 0xff) != 0xbe) {
            throw new NativeBuildException(name + " is not a class file (no CAFEBABE header)");
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major > MAX_MAJOR) {
            throw new NativeBuildException(name + " has class file version " + major + " (Java " + (major - 44)
                    + "); Kiln reads class files up to version " + MAX_MAJOR + " (Java " + (MAX_MAJOR - 44)
                    + "): compile with --release " + (MAX_MAJOR - 44) + " or lower");
        }
        ClassNode node = new ClassNode();
        String method = null;
        try {
            new ClassReader(bytes).accept(node, 0);
            for (MethodNode m : node.methods) {
                method = m.name + m.desc;
                if (m.instructions.size() > 0) new Analyzer<>(new BasicVerifier()).analyze(node.name, m);
            }
        } catch (AnalyzerException e) {
            throw new NativeBuildException(name + ": method " + oneLine(method) + " has invalid bytecode: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new NativeBuildException(name + " is not a valid class file (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + oneLine(e.getMessage()) : "") + ")");
        }
    }

    /** Text from the file, fit for a one-line message. */
    static String oneLine(String s) {
        if (s == null) return "?";
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (sb.length() >= 120) return sb.append("...").toString();
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
