package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: `kiln daemon --dashboard-addr` as a real process with two
 * real VMs (stats.c busy, which spins and publishes two app metrics; say.c, which writes a line
 * of markup to its console), and Debian's chromium, headless, driven through the DevTools
 * protocol. Every step waits for what the page shows: the VMs' rows appear, the CPU plot's
 * data grows between two polls (a plot that moves), the markup shows as literal text with no
 * element made of it (also once that VM has ended and its card shows it), and no script error or
 * Content-Security-Policy violation happened. A
 * screenshot goes to cli/target/dashboard.png. Nothing here bounds a duration or a rate.
 */
class DashboardBrowserTest {
    /** What the guest writes: markup that would make elements and run code if the page used innerHTML. */
    private static final String MARKUP = "<b>x</b><script>window.kilnPwned=1</script><img src=x onerror=\"window.kilnPwned=2\">";
    private static final Pattern SERVING = Pattern.compile("serving the dashboard on (http://127\\.0\\.0\\.1:[0-9]+/)");

    @Test
    void theDashboardListsTheVmsPlotsThatMoveAndShowsWhatAGuestWroteAsText() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1000);
             DaemonProcess d = new DaemonProcess("--dashboard-addr", "127.0.0.1:0")) {
            d.start();
            Matcher m = SERVING.matcher(d.output());
            assertTrue(m.find(), "the daemon says where the dashboard is:\n" + d.output());
            String url = m.group(1);
            ok(d, "run", "-d", "--name", "busy", "--mem", "32", guest("stats"), "--", "busy");
            ok(d, "run", "-d", "--name", "markup", "--mem", "32", guest("say"), "--", MARKUP);
            d.awaitOutput("published", "logs", "-f", "busy");
            d.awaitOutput("<b>x</b>", "logs", "-f", "markup");

            browser.navigate(url);
            browser.await("the busy VM's row", "document.querySelector('#vms tr[data-vm=\"busy\"]') !== null", JsonNode::asBoolean);
            browser.await("the markup VM's row", "document.querySelector('#vms tr[data-vm=\"markup\"]') !== null", JsonNode::asBoolean);
            assertEquals("running", browser.eval("document.querySelector('#vms tr[data-vm=\"busy\"] td:nth-child(2)').textContent").asText());

            // a plot that moves: the CPU plot's points, then more of them at a later poll
            String points = "Number(document.querySelector('section.card[data-vm=\"busy\"] .plot-cpu')?.dataset.points || 0)";
            int first = browser.await("a first point of the CPU plot", points, v -> v.asInt() >= 1).asInt();
            int later = browser.await("the CPU plot growing past " + first + " points", points, v -> v.asInt() > first).asInt();
            assertTrue(later > first);
            assertEquals(1, browser.eval("document.querySelectorAll('section.card[data-vm=\"busy\"] .plot-cpu canvas').length").asInt(),
                    "uPlot drew the CPU plot on a canvas");
            browser.await("the app metrics in the legend",
                    "document.querySelector('section.card[data-vm=\"busy\"] .plot-app').textContent", v -> v.asText().contains("queue_depth"));

            // what the guest wrote is text: the line is there literally, and no element was made of it
            String logs = "document.querySelector('section.card[data-vm=\"markup\"] pre.logs')";
            browser.await("the markup VM's log line", logs + "?.textContent || ''", v -> v.asText().contains(MARKUP));
            assertEquals(0, browser.eval(logs + ".querySelectorAll('b, script, img').length").asInt(), "elements made of a log line");
            assertEquals(0, browser.eval("document.querySelectorAll('body b, body img').length").asInt());
            assertTrue(browser.eval("window.kilnPwned === undefined").asBoolean(), "the guest's script ran");

            // a few more points for the picture, then the screenshot
            browser.await("the CPU plot at 4 points", points, v -> v.asInt() >= 4);
            Path shot = Path.of("target", "dashboard.png");
            browser.screenshot(shot);
            assertTrue(Files.size(shot) > 10_000, "a screenshot of the page: " + shot.toAbsolutePath());

            // a VM that ends keeps its card: its state and its log's tail, markup still as text
            ok(d, "stop", "-t", "30", "markup");
            browser.await("the markup VM's row saying it exited",
                    "document.querySelector('#vms tr[data-vm=\"markup\"] td:nth-child(2)').textContent", v -> v.asText().equals("exited (0)"));
            browser.await("the markup VM's card saying it exited",
                    "document.querySelector('section.card[data-vm=\"markup\"] h2 .state').textContent", v -> v.asText().equals("exited (0)"));
            assertTrue(browser.eval(logs + ".textContent").asText().contains(MARKUP), "the ended VM's log is still shown");
            assertEquals(0, browser.eval(logs + ".querySelectorAll('b, script, img').length").asInt());

            assertEquals("[]", browser.eval("window.kilnDashboard.violations").toString(), "Content-Security-Policy violations");
            assertEquals(List.of(), browser.pageErrors, "script errors in the page");
        }
    }

    @Test
    void aBadOrBusyDashboardAddressStopsTheDaemonWithOneLine() throws Exception {
        Path dir = Files.createTempDirectory("kiln-dashboard-addr");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> common = List.of("daemon", "--host", "unix://" + dir.resolve("k.sock"), "--state-dir", dir.resolve("state").toString(),
                    "--bridge", "none", "--dashboard-addr");
            KilnProcess r = KilnProcess.run(concat(common, "8090"));
            assertEquals(125, r.exitStatus(), r.toString());
            assertEquals("kiln: error: --dashboard-addr takes HOST:PORT such as 127.0.0.1:8090, not '8090'\n", r.stderr(), r.toString());
            String busy = "127.0.0.1:" + taken.getLocalPort();
            r = KilnProcess.run(concat(common, busy));
            assertEquals(125, r.exitStatus(), r.toString());
            assertTrue(r.stderr().lines().anyMatch(l -> l.startsWith("kiln: error: cannot start the daemon: cannot serve the dashboard on " + busy + ": ")),
                    r.toString());
        } finally {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static String[] concat(List<String> head, String last) {
        List<String> all = new java.util.ArrayList<>(head);
        all.add(last);
        return all.toArray(new String[0]);
    }

    private static String guest(String name) {
        return KilnProcess.guest("tests/" + name + ".elf").toString();
    }

    private static KilnProcess ok(DaemonProcess d, String... args) throws Exception {
        KilnProcess r = d.kiln(args);
        assertEquals(0, r.exitStatus(), "kiln " + String.join(" ", args) + ":\n" + r);
        return r;
    }
}
