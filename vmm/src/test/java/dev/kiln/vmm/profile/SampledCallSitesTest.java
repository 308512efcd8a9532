package dev.kiln.vmm.profile;

import static dev.kiln.vmm.javastack.GuestStackLayout.CALL_SITE_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.vmm.javastack.CallSiteTable;
import dev.kiln.vmm.javastack.GuestStackLayout;
import dev.kiln.vmm.javastack.JavaFrame;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a profile shows for a call site (the reading itself is ShadowStackAndCallSiteTableTest's):
 * one that makes no sense stands as one unknown frame, and a chain cut short keeps what was read
 * and ends with one, so that a flame graph keeps its depth and shows where the stack went wrong.
 */
class SampledCallSitesTest {
    private final GuestStackLayout g = new GuestStackLayout();

    @AfterEach
    void unmap() {
        g.close();
    }

    @Test
    void callSitesThatMakeNoSenseStandAsUnknownFrames() {
        long m = g.method("app.Main", "main", "Main.java");
        g.callSite(0, g.location(m, 12, 0));
        g.callSite(1, 0x7fff_0000_0000L); // a location outside memory
        g.callSite(2, g.location(m, 7, 0x7fff_0000_0000L)); // a chain that leads outside memory
        g.callSite(3, g.location(0, 1, 0)); // a location without a method: no frame at all
        CallSiteTable table = new CallSiteTable(g.words(), GuestStackLayout.info());
        JavaFrame main = new JavaFrame("app.Main", "main", "Main.java", 12);
        assertEquals(List.of(main), Sampler.frames(table, 0));
        assertEquals(List.of(JavaFrame.UNKNOWN), Sampler.frames(table, 1));
        assertEquals(List.of(new JavaFrame("app.Main", "main", "Main.java", 7), JavaFrame.UNKNOWN),
                Sampler.frames(table, 2));
        assertEquals(List.of(JavaFrame.UNKNOWN), Sampler.frames(table, 3));
        assertEquals(List.of(JavaFrame.UNKNOWN), Sampler.frames(table, -1));
        assertEquals(List.of(JavaFrame.UNKNOWN), Sampler.frames(table, (int) CALL_SITE_COUNT));
    }
}
