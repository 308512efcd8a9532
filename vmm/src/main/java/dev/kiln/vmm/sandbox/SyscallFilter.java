package dev.kiln.vmm.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An allow list of system calls for one kind of monitor thread, compiled to the seccomp BPF
 * program that enforces it. A call is allowed if its rule has no conditions, or if every
 * {@link ArgCheck} of one of its alternatives holds; anything else gets the action given to
 * {@link #compile}.
 *
 * <p>The program first checks that the call comes through the x86-64 entry point
 * (AUDIT_ARCH_X86_64: an {@code int 0x80} from a 64-bit process arrives as i386, where the
 * numbers mean other calls) and that it is not an x32 call (the same entry point, numbers with
 * bit 30 set, which would otherwise match nothing and fall through to the default); both kill
 * the process whatever the mode, since nothing in a JVM makes such calls. Then it compares the
 * call number with each rule in the order the rules were added (so the hot calls come first:
 * the vCPU thread's ioctl costs a few instructions), each rule ending in its own verdict.
 *
 * <p>Immutable; build one with {@link #builder}.
 */
public final class SyscallFilter {
    /** seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6]. */
    static final int DATA_NR = 0, DATA_ARCH = 4, DATA_ARGS = 16;
    /** AUDIT_ARCH_X86_64 = EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE. */
    static final int AUDIT_ARCH_X86_64 = 0xc000_003e;
    /** __X32_SYSCALL_BIT: x32 calls enter through the x86-64 path with this bit set in the number. */
    static final int X32_SYSCALL_BIT = 0x4000_0000;

    /**
     * One allowed call.
     *
     * @param call the system call
     * @param alternatives each a list of checks that must all hold; an empty list of
     *                     alternatives allows the call whatever its arguments
     * @param why why the thread needs it (docs/security.md says the same for readers)
     */
    public record Rule(Syscall call, List<List<ArgCheck>> alternatives, String why) {
        public Rule {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }

        public boolean unconditional() {
            return alternatives.isEmpty();
        }
    }

    private final String kind;
    private final List<Rule> rules;

    private SyscallFilter(String kind, List<Rule> rules) {
        this.kind = kind;
        this.rules = List.copyOf(rules);
    }

    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** The thread kind this filter is for: "vcpu", "net-io", ... */
    public String kind() {
        return kind;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule for call, or null if the call is forbidden. */
    public Rule rule(Syscall call) {
        for (Rule r : rules) {
            if (r.call == call) return r;
        }
        return null;
    }

    /**
     * The BPF program: allowed calls return ALLOW, every other call (and a listed call whose
     * arguments match no alternative) returns forbidden.
     */
    public long[] compile(FilterAction forbidden) {
        BpfAssembler a = new BpfAssembler();
        String archOk = a.newLabel(), nrOk = a.newLabel();
        a.load(DATA_ARCH);
        a.jumpIfEqual(AUDIT_ARCH_X86_64, archOk, null);
        a.ret(FilterAction.KILL_PROCESS.value());
        a.bind(archOk);
        a.load(DATA_NR);
        a.jumpIfAtLeast(X32_SYSCALL_BIT, null, nrOk); // also catches negative numbers (-1: "no call")
        a.ret(FilterAction.KILL_PROCESS.value());
        a.bind(nrOk);
        // A holds nr here and at every rule's start: a rule's body only runs for its own call
        // and always ends in a return, so the jump past it leaves A untouched.
        for (Rule r : rules) {
            String next = a.newLabel();
            a.jumpIfEqual(r.call.nr, null, next);
            if (r.unconditional()) {
                a.ret(FilterAction.ALLOW.value());
            } else {
                for (List<ArgCheck> alternative : r.alternatives) {
                    String orElse = a.newLabel();
                    for (ArgCheck c : alternative) check(a, c, orElse);
                    a.ret(FilterAction.ALLOW.value());
                    a.bind(orElse);
                }
                a.ret(forbidden.value());
            }
            a.bind(next);
        }
        a.ret(forbidden.value());
        return a.assemble();
    }

    private static void check(BpfAssembler a, ArgCheck c, String fail) {
        int low = DATA_ARGS + 8 * c.arg(); // little-endian: the low word first
        word(a, low, (int) c.mask(), (int) c.value(), fail);
        if (c.wide()) word(a, low + 4, (int) (c.mask() >>> 32), (int) (c.value() >>> 32), fail);
    }

    private static void word(BpfAssembler a, int offset, int mask, int value, String fail) {
        a.load(offset);
        if (mask != -1) a.and(mask);
        a.jumpIfEqual(value, null, fail);
    }

    @Override
    public String toString() {
        return "SyscallFilter[" + kind + ", " + rules.size() + " calls]";
    }

    /** Collects rules in the order of their first mention; a call mentioned again gains alternatives. */
    public static final class Builder {
        private final String kind;
        private final Map<Syscall, Rule> rules = new LinkedHashMap<>();

        private Builder(String kind) {
            this.kind = kind;
        }

        /** Allows call whatever its arguments. */
        public Builder allow(Syscall call, String why) {
            Rule old = rules.get(call);
            rules.put(call, new Rule(call, List.of(), old == null ? why : old.why));
            return this;
        }

        /** Allows call when all checks hold (one more alternative if the call is already listed). */
        public Builder allowIf(Syscall call, String why, ArgCheck... checks) {
            if (checks.length == 0) throw new IllegalArgumentException("allowIf without checks: use allow");
            Rule old = rules.get(call);
            if (old != null && old.unconditional()) return this; // already allowed whatever the arguments
            List<List<ArgCheck>> alts = new ArrayList<>(old == null ? List.of() : old.alternatives);
            alts.add(Arrays.asList(checks));
            rules.put(call, new Rule(call, alts, old == null ? why : old.why));
            return this;
        }

        /** One more alternative for a call already allowed with {@link #allowIf} (same reason). */
        public Builder orIf(Syscall call, ArgCheck... checks) {
            Rule old = rules.get(call);
            if (old == null) throw new IllegalStateException(call.linuxName() + " is not listed yet: use allowIf first");
            return allowIf(call, old.why, checks);
        }

        /** Adds every rule of another filter (a shared base such as the JVM's own needs). */
        public Builder include(SyscallFilter base) {
            for (Rule r : base.rules) {
                if (r.unconditional()) {
                    allow(r.call, r.why);
                } else {
                    for (List<ArgCheck> alt : r.alternatives) allowIf(r.call, r.why, alt.toArray(new ArgCheck[0]));
                }
            }
            return this;
        }

        public SyscallFilter build() {
            return new SyscallFilter(kind, new ArrayList<>(rules.values()));
        }
    }
}
