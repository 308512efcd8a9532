package dev.kiln.vmm.profile;

import dev.kiln.image.GuestImage;
import dev.kiln.image.UntrustedText;
import dev.kiln.image.elf.ElfFile;
import dev.kiln.vmm.javastack.JavaFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns samples into stacks of frame names, outermost first: the Java frames of the shadow
 * stack (class, method, and the file and line of the call each makes, from TeaVM's call-site
 * table), then the function the RIP is in (by ELF symbol: a Java method without a shadow-stack
 * frame, or a C runtime function such as memcpy).
 *
 * <p>The innermost Java frame's call-site id is its last call, which may have returned: when the
 * RIP is in that same method, the frame is shown without the methods inlined at that call and
 * without its line, so that time spent in a method is never charged to a callee it called
 * before. Special frames: {@value #IDLE} (the guest waited in a yield), {@value #TRUNCATED}
 * (at the root of a stack whose walk stopped early) and {@value #UNKNOWN} (a RIP outside every
 * function symbol, or an image without symbols).
 */
public final class StackSymbolizer {
    public static final String IDLE = "[idle]";
    public static final String TRUNCATED = "[truncated]";
    public static final String UNKNOWN = "[unknown]";
    private static final String CLASS_SUFFIX = "_Cls";

    private final GuestImage image;
    private final Map<Integer, List<JavaFrame>> callSites;
    private final TeaVmNames names;
    private final Map<Long, String> leafByRip = new HashMap<>();

    public StackSymbolizer(GuestImage image, Profile profile) {
        this.image = image;
        this.callSites = profile.callSites();
        Set<String> javaClasses = new HashSet<>();
        for (List<JavaFrame> frames : callSites.values()) {
            for (JavaFrame f : frames) javaClasses.add(f.className());
        }
        this.names = new TeaVmNames(classSymbols(image), javaClasses);
    }

    /** The C class names TeaVM's class structures carry ({@code <class>_Cls}), from the symbols (debug file or image). */
    private static List<String> classSymbols(GuestImage image) {
        List<String> out = new ArrayList<>();
        ElfFile elf;
        try {
            elf = image.debugFile().map(p -> ElfFile.read(p, dev.kiln.image.DebugFile.MAX_SIZE)).orElse(image.elf());
        } catch (RuntimeException e) {
            return out; // method names then stay as TeaVM spells them
        }
        for (ElfFile.Section symtab : elf.sections()) {
            if (symtab.type() != ElfFile.SHT_SYMTAB) continue;
            for (ElfFile.Symbol s : elf.symbols(symtab)) {
                String n = s.name();
                if (n.endsWith(CLASS_SUFFIX) && n.length() > CLASS_SUFFIX.length()) {
                    out.add(n.substring(0, n.length() - CLASS_SUFFIX.length()));
                }
            }
        }
        return out;
    }

    /** Every sample's stack folded: "frame;frame;frame" to its count, heaviest first. */
    public Map<String, Long> fold(List<Sample> samples) {
        Map<String, Long> counts = new HashMap<>();
        for (Sample s : samples) counts.merge(String.join(";", frames(s)), 1L, Long::sum);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sorted) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** One sample's frames, outermost first. */
    public List<String> frames(Sample s) {
        if (s.idle()) return List.of(IDLE);
        List<String> out = new ArrayList<>();
        if (s.truncated()) out.add(TRUNCATED);
        String leaf = leaf(s.rip());
        int[] ids = s.callSites();
        boolean leafShown = false;
        for (int i = ids.length - 1; i >= 0; i--) {
            List<JavaFrame> chain = callSites.getOrDefault(ids[i], List.of(JavaFrame.UNKNOWN));
            JavaFrame own = chain.get(chain.size() - 1); // the method whose frame it is; the rest were inlined into it
            if (i == 0 && own.method().equals(leaf)) {
                out.add(clean(own.method()));
                leafShown = true;
                break;
            }
            for (int j = chain.size() - 1; j >= 0; j--) out.add(clean(chain.get(j).withLine()));
        }
        if (!leafShown) out.add(clean(leaf));
        return out;
    }

    /** The function the RIP is in: a Java method's name where TeaVM generated it, else the C symbol. */
    private String leaf(long rip) {
        return leafByRip.computeIfAbsent(rip, r -> image.symbolize(r)
                .map(ref -> names.javaMethod(ref.name()).orElse(ref.name()))
                .orElse(UNKNOWN));
    }

    /** A frame name safe in the folded format (no ';', no blanks, no control characters). */
    static String clean(String frame) {
        return UntrustedText.printable(frame).replace(';', ':').replace(' ', '_');
    }
}
