package dev.kiln.builder.nativeimage;

import dev.kiln.builder.nativeimage.UnsupportedUse.CallSite;
import dev.kiln.builder.nativeimage.UnsupportedUse.Reason;
import dev.kiln.image.UntrustedText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.teavm.diagnostics.Problem;
import org.teavm.model.CallLocation;
import org.teavm.model.FieldReference;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/**
 * Every API a program uses that a native image does not have, in one build error: grouped by the
 * class used (with its JDK module, asked of the building JDK), each member with its call sites
 * (repeated ones once, at most {@link #MAX_SITES} printed, never a class or member left out), and
 * what {@link ApiRoadmap} says of it. So one build shows all there is to change, not a few problems
 * per rebuild.
 */
final class UnsupportedApiReport {
    /** Call sites printed per member; the rest are counted. */
    static final int MAX_SITES = 20;

    private final String mainClass;
    private final Function<String, String> moduleOf;
    /** class (or "" for TeaVM's wordy problems) -> member ("" for the class itself) -> reasons and sites */
    private final Map<String, Map<String, Member>> groups = new TreeMap<>();

    private static final class Member {
        final Set<Reason> reasons = new LinkedHashSet<>();
        /** in source order: by class, then line, then method */
        final Set<CallSite> sites = new TreeSet<>(Comparator.comparing(CallSite::className)
                .thenComparingInt(CallSite::line).thenComparing(CallSite::method, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CallSite::file, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** @param moduleOf the JDK module of a class name, or null when no JDK module has the class */
    UnsupportedApiReport(String mainClass, Function<String, String> moduleOf) {
        this.mainClass = mainClass;
        this.moduleOf = moduleOf;
    }

    UnsupportedApiReport addAll(Collection<UnsupportedUse> uses) {
        for (UnsupportedUse u : uses) {
            Member m = groups.computeIfAbsent(Objects.requireNonNullElse(u.className(), ""), k -> new TreeMap<>())
                    .computeIfAbsent(Objects.requireNonNullElse(u.member(), ""), k -> new Member());
            m.reasons.add(u.reason());
            if (u.site() != null) m.sites.add(u.site());
        }
        return this;
    }

    /**
     * A use of the class itself at a site where a member of it is used too says nothing more (TeaVM
     * reports "Class X was not found" where the scan names the method called).
     */
    private void dropClassUsesCoveredByMembers() {
        for (var members : groups.values()) {
            Member whole = members.get("");
            if (whole == null || members.size() == 1) continue;
            for (var m : members.entrySet()) {
                if (!m.getKey().isEmpty()) whole.sites.removeAll(m.getValue().sites);
            }
            if (whole.sites.isEmpty()) members.remove("");
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** TeaVM's problems as uses: "Class/Method/Field ... was not found" by class and member, anything else in words. */
    static List<UnsupportedUse> fromTeaVM(Collection<Problem> problems) {
        List<UnsupportedUse> uses = new ArrayList<>();
        for (Problem p : problems) {
            CallSite site = site(p.getLocation());
            Object[] params = p.getParams() != null ? p.getParams() : new Object[0];
            String text = p.getText() != null ? p.getText() : "";
            boolean notFound = text.endsWith("was not found") && params.length > 0;
            if (notFound && params[0] instanceof MethodReference m) {
                String desc = m.getDescriptor().toString().substring(m.getName().length());
                uses.add(new UnsupportedUse(m.getClassName(), UnsupportedUse.method(m.getClassName(), m.getName(), desc),
                        Reason.MISSING_MEMBER, site));
            } else if (notFound && params[0] instanceof FieldReference f) {
                uses.add(new UnsupportedUse(f.getClassName(), f.getFieldName(), Reason.MISSING_MEMBER, site));
            } else if (notFound && text.startsWith("Class") && params[0] instanceof String c) {
                uses.add(new UnsupportedUse(c, null, Reason.MISSING_CLASS, site));
            } else {
                uses.add(new UnsupportedUse(null, words(text, params), Reason.OTHER, site));
            }
        }
        return uses;
    }

    private static CallSite site(CallLocation location) {
        if (location == null || location.getMethod() == null) return null;
        TextLocation text = location.getSourceLocation();
        boolean known = text != null && !text.isEmpty();
        return new CallSite(location.getMethod().getClassName(), location.getMethod().getName(),
                known ? text.getFileName() : null, known ? text.getLine() : -1);
    }

    private static String words(String text, Object[] params) {
        String s = text;
        for (int i = 0; i < params.length; i++) {
            s = s.replaceAll("\\{\\{[a-z]" + i + "\\}\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(params[i])));
        }
        return s;
    }

    /** The build error: one line that is a complete answer, then every class, member and call site indented beneath. */
    NativeBuildException exception() {
        return new NativeBuildException(render());
    }

    String render() {
        dropClassUsesCoveredByMembers();
        List<String> names = new ArrayList<>();
        int apis = 0;
        StringBuilder details = new StringBuilder();
        for (var g : groups.entrySet()) {
            String cls = g.getKey();
            String module = cls.isEmpty() || cls.equals(UnsupportedUse.JNI) ? null : moduleOf.apply(cls);
            Set<Reason> reasons = new LinkedHashSet<>();
            g.getValue().values().forEach(m -> reasons.addAll(m.reasons));
            boolean notJdk = module == null && !cls.isEmpty() && !cls.equals(UnsupportedUse.JNI)
                    && reasons.contains(Reason.MISSING_CLASS);
            if (notJdk) { // a class no JDK module has: the input lacks it, the roadmap has nothing to say
                reasons.remove(Reason.MISSING_CLASS);
                reasons.add(Reason.NOT_IN_INPUT);
            }
            Set<ApiRoadmap.Entry> entries = new LinkedHashSet<>();
            for (String member : g.getValue().keySet()) entries.add(entry(cls, member, module, notJdk));
            boolean oneEntry = entries.size() == 1;
            details.append(UntrustedText.printable(heading(cls, module, reasons)));
            if (oneEntry && entries.iterator().next() != null) details.append(" ").append(describe(entries.iterator().next()));
            details.append('\n');
            for (var m : g.getValue().entrySet()) {
                apis++;
                String shown = m.getKey().isEmpty() ? "(the class itself: a supertype, cast or class literal)" : m.getKey();
                if (names.size() < 3) names.add(clip(UntrustedText.printable(shortName(cls, m.getKey()))));
                details.append("    ").append(UntrustedText.printable(shown));
                ApiRoadmap.Entry e = entry(cls, m.getKey(), module, notJdk);
                if (!oneEntry && e != null) details.append(" ").append(describe(e));
                details.append('\n');
                int n = 0;
                for (CallSite s : m.getValue().sites) {
                    if (n++ == MAX_SITES) {
                        details.append("        ... and ").append(m.getValue().sites.size() - MAX_SITES)
                                .append(" more call sites\n");
                        break;
                    }
                    details.append("        ").append(UntrustedText.printable(s.toString())).append('\n');
                }
            }
        }
        details.append("(roadmap: ").append(ApiRoadmap.Status.ROADMAP.meaning).append("; never: ")
                .append(ApiRoadmap.Status.NEVER.meaning).append("; not planned: ").append(ApiRoadmap.Status.NOT_PLANNED.meaning)
                .append(")\n");
        String line = mainClass + " cannot be compiled to a native image: it uses " + apis
                + (apis == 1 ? " API" : " APIs") + " that Kiln's native images do not have, in " + groups.size()
                + (groups.size() == 1 ? " class" : " classes") + " (" + String.join(", ", names)
                + (apis > names.size() ? ", ..." : "") + "); each is listed below with its call sites";
        return NativeImageBuilder.indentedBeneath(line, details.toString());
    }

    private static ApiRoadmap.Entry entry(String cls, String member, String module, boolean notJdk) {
        if (cls.isEmpty() || notJdk) return null;
        if (cls.equals(UnsupportedUse.JNI)) return ApiRoadmap.classify(UnsupportedUse.JNI, null, null);
        int paren = member.indexOf('(');
        String name = member.startsWith("new ") ? null : paren >= 0 ? member.substring(0, paren) : member;
        return ApiRoadmap.classify(cls, name == null || name.isEmpty() ? null : name, module);
    }

    private static String heading(String cls, String module, Set<Reason> reasons) {
        String why = String.join("; ", reasons.stream().map(r -> r.heading).toList());
        if (cls.isEmpty()) return why + ":";
        if (cls.equals(UnsupportedUse.JNI)) return "JNI: " + why;
        return cls + " (" + (module != null ? "module " + module : "no JDK module") + "): " + why;
    }

    /** A name in the first line, kept short enough that the line stays one readable line (names come from class files). */
    private static String clip(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "...";
    }

    /** "java.lang.String.lines()", "new java.util.UUID(long, long)", "java.awt.Frame". */
    private static String shortName(String cls, String member) {
        if (cls.isEmpty()) return member;
        if (cls.equals(UnsupportedUse.JNI)) return "native method " + member;
        if (member.isEmpty()) return cls;
        if (member.startsWith("new ")) return "new " + cls + member.substring(member.indexOf('('));
        return cls + "." + member;
    }

    /** The roadmap's word on it; why, for what will never be (roadmap items need no excuse). */
    private static String describe(ApiRoadmap.Entry e) {
        return "[" + e.status().label + ": " + e.category() + (e.status() == ApiRoadmap.Status.ROADMAP ? "" : " (" + e.why() + ")")
                + "]";
    }
}
