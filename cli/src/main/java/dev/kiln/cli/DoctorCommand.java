package dev.kiln.cli;

import dev.kiln.bench.CpuProbe;
import dev.kiln.jvm.qemu.JvmDoctor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * `kiln doctor`: checks what Kiln needs on this machine and measures the two
 * facts that decide how fast unikernels run here: whether guest code at CPL 3
 * runs at native speed, and what one exit to the monitor costs.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the JDK, gcc and /dev/kvm, and measure guest CPU speed and exit cost;",
                "for the jvm flavor: QEMU, the kernel cache, and whether KVM runs guest kernel code fast."})
final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        var report = new DoctorReport(System.out);
        report.check("JDK", Checks::jdk);
        report.check("gcc", () -> Checks.toolVersion("gcc", "--version"));
        report.check("make", () -> Checks.toolVersion("make", "--version"));
        boolean kvm = report.check("/dev/kvm", Checks::kvm);
        if (kvm) {
            report.check("CPL-3 guest speed", () -> CpuProbe.measure(KilnHome.guest("probes/doctor.elf")).summary());
        } else {
            report.skip("CPL-3 guest speed", "needs /dev/kvm");
        }
        System.out.println();
        System.out.println("jvm flavor:");
        boolean jvmReady = JvmDoctor.report(System.out);
        int status = report.finish();
        return jvmReady ? status : 1;
    }
}
