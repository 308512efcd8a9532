package dev.kiln.vmm.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No class of the monitor touches guest memory except through {@link GuestMemory}: checked on
 * the compiled classes (ASM), so a new device or handler that reaches around it fails here.
 *
 * <ol>
 *   <li>Guest memory is created in one place: only the VM shell maps a {@link GuestRam}, and
 *       only {@code Vm} builds the GuestMemory of a VM over it.</li>
 *   <li>Its bytes have one way out: only GuestMemory calls {@code GuestRam.segment()}, and
 *       GuestRam, GuestMemory (with its BootWriter) and GuestRange keep their segments in
 *       private fields and return none from a method anyone else may call.</li>
 *   <li>No second way in: turning a raw address into memory ({@code MemorySegment.ofAddress},
 *       {@code reinterpret}) happens only in GuestRam (the guest's memory) and Vcpu (kvm_run).</li>
 * </ol>
 */
class GuestMemoryConfinementTest {
    private static final String PKG = "dev/kiln/vmm/";
    private static final String RAM = PKG + "memory/GuestRam", MEMORY = PKG + "memory/GuestMemory";
    private static final String SEGMENT = Type.getInternalName(MemorySegment.class);
    private static final Set<String> HOLDERS = Set.of(RAM, MEMORY, MEMORY + "$BootWriter", PKG + "memory/GuestRange");
    private static final Set<String> RAW_ADDRESS_USERS = Set.of(RAM, PKG + "kvm/Vcpu");

    @Test
    void onlyGuestMemoryReachesGuestMemory() throws Exception {
        Path classes = Path.of(GuestMemory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Scan scan = scan(classes.resolve(PKG));
        assertTrue(scan.classes >= 40 && scan.seen.containsAll(HOLDERS), "scanned " + scan.classes + " classes: " + scan.seen);
        assertEquals(List.of(), scan.violations);
    }

    /** The check can fail: a class that makes its own segment from an address is reported. */
    @Test
    void aClassReachingAroundIsReported(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve(PKG + "device");
        Files.createDirectories(dir);
        try (InputStream in = RawAccess.class.getResourceAsStream("GuestMemoryConfinementTest$RawAccess.class")) {
            Files.write(dir.resolve("RawAccess.class"), in.readAllBytes());
        }
        Scan scan = scan(tmp.resolve(PKG));
        assertEquals(List.of(
                "dev.kiln.vmm.memory.GuestMemoryConfinementTest$RawAccess: peek calls MemorySegment.ofAddress: raw memory outside GuestMemory",
                "dev.kiln.vmm.memory.GuestMemoryConfinementTest$RawAccess: peek calls MemorySegment.reinterpret: raw memory outside GuestMemory"),
                scan.violations);
    }

    /** What a device must not do: read guest memory from a raw host address. */
    static final class RawAccess {
        static byte peek(long hostAddress) {
            return MemorySegment.ofAddress(hostAddress).reinterpret(1).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0);
        }
    }

    private static final class Scan {
        final List<String> violations = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        int classes;
    }

    private static Scan scan(Path root) throws IOException {
        Scan scan = new Scan();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                new ClassReader(Files.readAllBytes(f)).accept(new Checker(scan), ClassReader.SKIP_DEBUG);
                scan.classes++;
            }
        }
        return scan;
    }

    private static final class Checker extends ClassVisitor {
        private final Scan scan;
        private String name;

        Checker(Scan scan) {
            super(Opcodes.ASM9);
            this.scan = scan;
        }

        private boolean holder() {
            return HOLDERS.contains(name);
        }

        private void violation(String what) {
            scan.violations.add(name.replace('/', '.') + ": " + what);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            scan.seen.add(name);
        }

        @Override
        public FieldVisitor visitField(int access, String field, String desc, String signature, Object value) {
            if (holder() && desc.equals("L" + SEGMENT + ";") && (access & Opcodes.ACC_PRIVATE) == 0) {
                violation("field " + field + " holds a MemorySegment and is not private");
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String desc, String signature, String[] exceptions) {
            boolean returnsSegment = Type.getReturnType(desc).getInternalName().equals(SEGMENT);
            if (holder() && returnsSegment && (access & Opcodes.ACC_PRIVATE) == 0) {
                boolean ramSegment = name.equals(RAM) && method.equals("segment")
                        && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0;
                if (!ramSegment) violation("method " + method + " hands out a MemorySegment");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String calleeDesc, boolean itf) {
                    String call = owner.substring(owner.lastIndexOf('/') + 1) + "." + callee;
                    if (owner.equals(RAM) && callee.equals("segment") && !name.startsWith(MEMORY)) {
                        violation(method + " calls GuestRam.segment()");
                    }
                    if (owner.equals(SEGMENT) && (callee.equals("ofAddress") || callee.equals("reinterpret"))
                            && !RAW_ADDRESS_USERS.contains(name)) {
                        violation(method + " calls " + call + ": raw memory outside GuestMemory");
                    }
                    if (owner.equals(RAM) && callee.equals("map") && !name.equals(PKG + "kvm/VmShell")) {
                        violation(method + " maps guest memory (only the VM shell does)");
                    }
                    if (owner.equals(MEMORY) && callee.equals("<init>") && !name.equals(PKG + "Vm")) {
                        violation(method + " builds a GuestMemory (only Vm does, one per VM)");
                    }
                }
            };
        }
    }
}
