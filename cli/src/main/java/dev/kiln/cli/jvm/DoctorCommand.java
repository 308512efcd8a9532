package dev.kiln.cli.jvm;

import dev.kiln.runner.qemu.JvmDoctor;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** `kiln doctor`: what this host can do. This branch reports the jvm flavor. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check what this host can build and run.")
public final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return JvmDoctor.report(System.out) ? 0 : 1;
    }
}
