package dev.kiln.engine.compose;

import dev.kiln.engine.api.CreateRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a compose project maps onto the daemon's VMs: VM N of service S in project P is named
 * P-S-N, joins the network P_default with the alias S (its service's name, which the daemon's
 * resolver answers), and carries the labels dev.kiln.compose.project=P, .service=S and
 * .number=N. The labels are the only record of what belongs to a project: ps, logs and down
 * find a project's VMs in the daemon's state alone, with no file beside it.
 */
public final class ComposeProject {
    public static final String PROJECT_LABEL = ComposeParser.LABEL_PREFIX + "project";
    public static final String SERVICE_LABEL = ComposeParser.LABEL_PREFIX + "service";
    public static final String NUMBER_LABEL = ComposeParser.LABEL_PREFIX + "number";
    /** A digest of what a VM was created from (definition and image), so up can tell a VM that is current. */
    public static final String CONFIG_LABEL = ComposeParser.LABEL_PREFIX + "config-hash";
    /** Compose's rule for project names, bounded so P_default is a network name and P-S-N a VM name. */
    static final int MAX_NAME = 56;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_NAME - 1) + "}");

    private ComposeProject() {}

    public static void checkName(String project) {
        if (!NAME.matcher(project).matches()) {
            throw new IllegalArgumentException("project name " + dev.kiln.image.UntrustedText.quote(project) + " is not 1 to "
                    + MAX_NAME + " of a-z 0-9 _ -, a letter or digit first");
        }
    }

    /** Compose's default: the directory's name, lower case, with only a-z 0-9 _ - kept. */
    public static String nameFromDirectory(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "")
                .replaceAll("^[_-]+", "");
        if (n.length() > MAX_NAME) n = n.substring(0, MAX_NAME);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("cannot make a project name from the directory " + dir + ": give one with -p");
        }
        return n;
    }

    public static String network(String project) {
        return project + "_default";
    }

    public static String vmName(String project, String service, int number) {
        return project + "-" + service + "-" + number;
    }

    public static String projectFilter(String project) {
        return PROJECT_LABEL + "=" + project;
    }

    /**
     * The definition of VM number (from 1) of a service, without the config label.
     *
     * @param image the absolute path of the image file (given, or just built)
     */
    public static CreateRequest request(String project, Service s, int number, Path image) {
        Map<String, String> labels = new TreeMap<>(s.labels());
        labels.put(PROJECT_LABEL, project);
        labels.put(SERVICE_LABEL, s.name());
        labels.put(NUMBER_LABEL, Integer.toString(number));
        return new CreateRequest(vmName(project, s.name(), number), image.toString(), s.command(), s.environment(), s.memoryMb(),
                s.ports(), s.restart(), s.health(), network(project), List.of(s.name()), labels);
    }

    /** The same request with one more label. */
    public static CreateRequest withLabel(CreateRequest r, String key, String value) {
        Map<String, String> labels = new TreeMap<>(r.labels());
        labels.put(key, value);
        return new CreateRequest(r.name(), r.image(), r.args(), r.env(), r.memoryMb(), r.ports(), r.restart(), r.health(),
                r.network(), r.aliases(), labels);
    }
}
