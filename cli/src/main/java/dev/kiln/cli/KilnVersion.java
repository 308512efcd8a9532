package dev.kiln.cli;

import picocli.CommandLine;

/** `kiln --version`: Kiln's own version, the ABI it speaks and the JVM it runs on. */
public final class KilnVersion implements CommandLine.IVersionProvider {
    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {
            "kiln " + VERSION + " (hypercall ABI v" + dev.kiln.vmm.abi.Abi.ABI_VERSION + ")",
            "JVM: " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
        };
    }
}
