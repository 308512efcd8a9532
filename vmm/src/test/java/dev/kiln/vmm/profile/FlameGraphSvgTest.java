package dev.kiln.vmm.profile;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folded format and the flame graph: round trips, widths that add up, and hostile names kept inside the XML. */
class FlameGraphSvgTest {
    @Test
    void foldedStacksRoundTrip() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("a;b;c", 5L);
        m.put("a;d", 2L);
        assertEquals(m, FoldedStacks.parse(FoldedStacks.format(m)));
        assertEquals("a;b;c 5\na;d 2\n", FoldedStacks.format(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FoldedStacks.parse("a;b 1\na;b\n"));
        assertEquals("folded stacks, line 2: no count after the stack", e.getMessage());
    }

    @Test
    void theGraphParsesAsXmlAndEachFrameIsAsWideAsItsShare() throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("main;handle;parse", 30L);
        m.put("main;handle", 10L);
        m.put("main;idle", 60L);
        Document svg = parse(FlameGraphSvg.render(m, "test"));
        Map<String, Double> width = new LinkedHashMap<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (org.w3c.dom.Element) groups.item(i);
            String title = g.getElementsByTagName("title").item(0).getTextContent();
            double w = Double.parseDouble(((org.w3c.dom.Element) g.getElementsByTagName("rect").item(0)).getAttribute("width"));
            width.put(title.substring(0, title.indexOf(' ')), w);
        }
        double all = width.get("all");
        assertEquals(all, width.get("main"), 0.01);
        assertEquals(0.4 * all, width.get("handle"), 0.01);
        assertEquals(0.3 * all, width.get("parse"), 0.01);
        assertEquals(0.6 * all, width.get("idle"), 0.01);
    }

    @Test
    void hostileFrameNamesStayText() throws Exception {
        String evil = "</text><script>alert(1)</script>&\"'\u0000\u0007\ud800";
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("root;" + evil, 1L);
        Document svg = parse(FlameGraphSvg.render(m, evil));
        assertEquals(0, svg.getElementsByTagName("script").getLength());
        List<String> titles = new ArrayList<>();
        NodeList t = svg.getElementsByTagName("title");
        for (int i = 0; i < t.getLength(); i++) titles.add(t.item(i).getTextContent());
        assertTrue(titles.stream().anyMatch(s -> s.startsWith("</text><script>alert(1)</script>&\"'???")), titles.toString());
    }

    @Test
    void hotFramesCountSelfAndInclusiveSamples() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("a;b;c", 6L);
        m.put("a;b", 3L);
        m.put("a;c;c", 1L); // recursion: c counts once in that stack
        assertEquals(new HotFrames.Entry("c", 7, 70.0), HotFrames.self(m, 1).get(0));
        assertEquals(List.of(new HotFrames.Entry("a", 10, 100.0), new HotFrames.Entry("b", 9, 90.0),
                new HotFrames.Entry("c", 7, 70.0)), HotFrames.inclusive(m, 3));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
