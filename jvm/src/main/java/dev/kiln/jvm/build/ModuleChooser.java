package dev.kiln.jvm.build;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Chooses the JDK modules of an image and says why each is there. Three sources, each module's
 * first reason kept:
 * <ol>
 *   <li>jdeps over the whole class path at once ({@link AppClassPath}: nested jars unpacked),
 *       {@code -verbose:package}, which names the JDK package each jar uses;</li>
 *   <li>services: a {@code META-INF/services/} file of any jar whose interface is in a JDK module
 *       (a JDBC driver's {@code java.sql.Driver}) brings that module, which no class may name;</li>
 *   <li>{@code --add-modules};</li>
 * </ol>
 * then everything those modules require (what jlink puts in), with the module that requires it.
 */
public final class ModuleChooser {
    /** The modules, sorted, each with why it is in the image (java.base: "always"). */
    public record Choice(Map<String, String> reasons) {
        public Set<String> modules() {
            return reasons.keySet();
        }

        /** "java.base, java.desktop (java.beans: spring-beans, tomcat-embed-el), ..." for the build's output. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            reasons.forEach((m, why) -> parts.add(m.equals("java.base") ? m : m + " (" + why + ")"));
            return String.join(", ", parts);
        }
    }

    // An archive line: "spring-beans-6.2.12.jar -> java.desktop"; a package line:
    // "   org.springframework.beans   -> java.beans   java.desktop" (or "JDK internal API (jdk.unsupported)").
    private static final Pattern ARCHIVE = Pattern.compile("^(\\S.*?) -> (.+)$");
    private static final Pattern PACKAGE = Pattern.compile(
            "^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(?:JDK internal API \\((\\S+)\\)|(\\S+))$");
    private static final int SHOWN = 2;

    private ModuleChooser() {}

    /** jdeps, services and --add-modules over these jars (the app jar first); {@code work} is a scratch directory. */
    public static Choice choose(List<Path> jars, Set<String> added, Path work) throws IOException {
        List<AppClassPath.Unit> units = AppClassPath.units(jars, work);
        Map<String, String> labels = labels(units);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("java.base", "always");
        jdepsReasons(units, labels).forEach(reasons::putIfAbsent);
        serviceReasons(units).forEach(reasons::putIfAbsent);
        for (String m : new TreeSet<>(added)) {
            if (ModuleFinder.ofSystem().find(m).isEmpty()) {
                throw new IOException("--add-modules: module " + m + " is not in this JDK (" + System.getProperty("java.home") + ")");
            }
            reasons.putIfAbsent(m, "--add-modules");
        }
        return new Choice(closure(reasons));
    }

    /** jdeps names an archive by its module name when it has one (Automatic-Module-Name), else by its file name. */
    private static Map<String, String> labels(List<AppClassPath.Unit> units) {
        Map<String, String> labels = new HashMap<>();
        for (AppClassPath.Unit u : units) {
            labels.put(u.path().getFileName().toString(), u.label());
            if (Files.isDirectory(u.path())) {
                continue; // jdeps names a directory by its name
            }
            try {
                for (ModuleReference r : ModuleFinder.of(u.path()).findAll()) {
                    labels.put(r.descriptor().name(), u.label());
                }
            } catch (RuntimeException e) {
                // not a valid module (a split package, a bad name): jdeps then uses the file name
            }
        }
        return labels;
    }

    private static Map<String, String> jdepsReasons(List<AppClassPath.Unit> units, Map<String, String> labels)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-verbose:package", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature())));
        units.forEach(u -> args.add(u.path().toString()));
        String out = JdkRuntime.tool("jdeps", args);
        Set<String> jdk = systemModules();
        // module -> JDK package -> the units using it; and how many of the app's packages use it
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        Map<String, Integer> weight = new HashMap<>();
        String archive = null;
        for (String line : out.lines().toList()) {
            Matcher a = ARCHIVE.matcher(line), p = PACKAGE.matcher(line);
            if (a.matches()) {
                archive = labels.getOrDefault(a.group(1), a.group(1));
                if (jdk.contains(a.group(2))) {
                    uses.computeIfAbsent(a.group(2), k -> new TreeMap<>());
                }
            } else if (p.matches() && archive != null) {
                String module = p.group(3) != null ? p.group(3) : p.group(4);
                if (jdk.contains(module)) {
                    uses.computeIfAbsent(module, k -> new TreeMap<>())
                            .computeIfAbsent(p.group(2), k -> new TreeSet<>()).add(archive);
                    weight.merge(p.group(2), 1, Integer::sum);
                }
            }
        }
        if (uses.isEmpty() && !out.isBlank() && !out.contains("java.base")) {
            throw new IOException("jdeps printed nothing this Kiln understands:\n" + out.lines().limit(20)
                    .reduce((x, y) -> x + "\n" + y).orElse(""));
        }
        Map<String, String> reasons = new TreeMap<>();
        uses.forEach((module, packages) -> {
            if (module.equals("java.base")) {
                return;
            }
            // The package most jars use, then the one most of their packages use: it explains the module best.
            List<Map.Entry<String, Set<String>>> ranked = new ArrayList<>(packages.entrySet());
            ranked.sort((x, y) -> x.getValue().size() != y.getValue().size() ? y.getValue().size() - x.getValue().size()
                    : weight.get(y.getKey()) - weight.get(x.getKey()));
            if (ranked.isEmpty()) {
                reasons.put(module, "jdeps");
                return;
            }
            reasons.put(module, ranked.getFirst().getKey() + ": " + shortList(ranked.getFirst().getValue()));
        });
        return reasons;
    }

    /** A JDK service interface named by a META-INF/services file brings its module. */
    private static Map<String, String> serviceReasons(List<AppClassPath.Unit> units) throws IOException {
        Map<String, String> packageModule = packageModules();
        Map<String, Set<String>> users = new TreeMap<>(); // "module\0service" -> units
        for (AppClassPath.Unit u : units) {
            for (String service : services(u.path())) {
                int dot = service.lastIndexOf('.');
                String module = dot < 0 ? null : packageModule.get(service.substring(0, dot));
                if (module != null && !module.equals("java.base")) {
                    users.computeIfAbsent(module + "\0" + service, k -> new TreeSet<>()).add(u.label());
                }
            }
        }
        Map<String, String> reasons = new TreeMap<>();
        users.forEach((k, who) -> {
            String[] ms = k.split("\0");
            reasons.merge(ms[0], "service " + ms[1] + ": " + shortList(who), (x, y) -> x);
        });
        return reasons;
    }

    private static List<String> services(Path unit) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(unit)) {
            Path dir = unit.resolve("META-INF/services");
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    s.forEach(p -> names.add(p.getFileName().toString()));
                }
            }
        } else {
            try (ZipFile z = new ZipFile(unit.toFile())) {
                z.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
                        .forEach(n -> names.add(n.substring("META-INF/services/".length())));
            }
        }
        return names;
    }

    /** The modules, with every module they require added ("required by X"), sorted. */
    static Map<String, String> closure(Map<String, String> roots) throws IOException {
        Map<String, String> all = new TreeMap<>();
        java.util.ArrayDeque<Map.Entry<String, String>> work = new java.util.ArrayDeque<>(roots.entrySet());
        ModuleFinder system = ModuleFinder.ofSystem();
        while (!work.isEmpty()) {
            var e = work.poll();
            String m = e.getKey();
            if (all.containsKey(m)) {
                continue;
            }
            all.put(m, e.getValue());
            var ref = system.find(m).orElseThrow(() -> new IOException("module " + m + " is not in this JDK"));
            for (var r : ref.descriptor().requires()) {
                if (!r.modifiers().contains(java.lang.module.ModuleDescriptor.Requires.Modifier.STATIC)
                        && !roots.containsKey(r.name())) {
                    work.add(Map.entry(r.name(), "required by " + m));
                }
            }
        }
        return all;
    }

    private static Set<String> systemModules() {
        Set<String> s = new TreeSet<>();
        ModuleFinder.ofSystem().findAll().forEach(r -> s.add(r.descriptor().name()));
        return s;
    }

    /** Every package of the build's JDK with its module (the module graph the image is linked from). */
    static Map<String, String> packageModules() {
        Map<String, String> m = new HashMap<>();
        ModuleFinder.ofSystem().findAll().forEach(r -> r.descriptor().packages()
                .forEach(p -> m.put(p, r.descriptor().name())));
        return m;
    }

    private static String shortList(Collection<String> items) {
        List<String> l = List.copyOf(items);
        return l.size() <= SHOWN ? String.join(", ", l)
                : String.join(", ", l.subList(0, SHOWN)) + " and " + (l.size() - SHOWN) + " more";
    }
}
