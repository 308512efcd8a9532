package dev.kiln.cli;

import dev.kiln.cli.jvm.JvmBuild;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `kiln build`: app to image. This branch has the jvm flavor; the lead merges the native one. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build an image from an app. --flavor jvm: any executable jar as a Linux microVM image.")
public final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "An executable jar (or a jar plus --main).")
    Path input;

    @Option(names = "--flavor", defaultValue = "jvm", description = "Image flavor: jvm (default here).")
    String flavor;

    @Option(names = {"-o", "--output"}, paramLabel = "IMAGE", description = "Image file (default: NAME.kiln next to the jar).")
    Path output;

    @Option(names = "--main", paramLabel = "CLASS", description = "Main class, if the jar's manifest has none.")
    String main;

    @Option(names = "--name", description = "Image and host name (default: from the jar's file name).")
    String name;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512", description = "Guest memory in MB (default 512).")
    int memoryMb;

    @Option(names = "--arg", paramLabel = "ARG", description = "An argument for main (repeatable).")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the app (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--add-modules", paramLabel = "MODULE[,MODULE]", split = ",",
            description = "JDK modules to add to what jdeps finds (e.g. for reflection or services).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "A JVM option for the image (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() {
        if (!flavor.equals("jvm")) {
            System.err.println("kiln: build: flavor '" + flavor + "' is not available in this build (this build has: jvm)");
            return 2;
        }
        return JvmBuild.build(input, main, name, memoryMb, args, env, modules, jvmOptions, output);
    }
}
