package dev.kiln.jvm.qemu;

import dev.kiln.jvm.build.KernelBuilder;
import dev.kiln.jvm.build.KilnCache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The jvm flavor's part of `kiln doctor`: QEMU, the kernel sources and the cached kernel, and
 * whether this host's KVM runs guest kernel code fast (else `kiln run` uses TCG).
 */
public final class JvmDoctor {
    private JvmDoctor() {}

    /** Reports with Kiln's own CPL-0 probe. Returns true if the jvm flavor can build and run here. */
    public static boolean report(PrintStream out) {
        KvmProbe.Result p = KvmProbe.probe();
        return report(out, p.kernelCodeFast(), p.detail());
    }

    /**
     * Reports, taking the KVM verdict from the caller (the native-side doctor measures KVM too).
     * Returns true if the jvm flavor can build and run here.
     */
    public static boolean report(PrintStream out, boolean kernelCodeFast, String kvmDetail) {
        boolean ok = true;
        out.println("jvm flavor:");
        try {
            Path q = QemuRunner.findQemu();
            out.println("  qemu:        " + version(q) + " (" + q + ")");
        } catch (IOException e) {
            out.println("  qemu:        MISSING: " + e.getMessage());
            ok = false;
        }
        out.println("  accelerator: " + (kernelCodeFast ? "kvm (guest kernel code runs fast)"
                : "tcg (KVM does not run guest kernel code fast here" + (kvmDetail == null ? "" : ": " + kvmDetail) + ")"));
        try {
            KernelBuilder kb = KernelBuilder.withDefaultCache(out);
            KernelBuilder.Kernel k = kb.locate();
            out.println("  linux-source: " + k.sourceVersion() + " (" + KernelBuilder.SOURCE_TARBALL + ")");
            if (k.present()) {
                out.printf("  kernel:      cached, config hash %s, %.2f MB, %s%n", k.hash(),
                        Files.size(k.bzImage()) / 1048576.0, k.bzImage());
            } else {
                out.println("  kernel:      not built yet for config hash " + k.hash()
                        + " (the first `kiln build --flavor jvm` builds it, about 3 min on 2 cores; cache "
                        + KilnCache.root().resolve("kernels") + ")");
            }
        } catch (IOException e) {
            out.println("  kernel:      " + e.getMessage());
            ok = false;
        }
        return ok;
    }

    static String version(Path qemu) {
        try {
            Process p = new ProcessBuilder(qemu.toString(), "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
            p.waitFor(10, TimeUnit.SECONDS);
            return first.replace("QEMU emulator version ", "QEMU ");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
