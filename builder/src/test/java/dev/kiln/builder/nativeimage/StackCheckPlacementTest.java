package dev.kiln.builder.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** StackCheckPlacement on small call graphs: cycles keep a check, acyclic chains stay bounded. */
class StackCheckPlacementTest {
    private final Map<String, List<String>> calls = new LinkedHashMap<>();

    private void call(String caller, String... callees) {
        calls.computeIfAbsent(caller, k -> new ArrayList<>()).addAll(List.of(callees));
        for (String c : callees) {
            calls.computeIfAbsent(c, k -> new ArrayList<>());
        }
    }

    private StackCheckPlacement<String> place(Predicate<String> checkable, int maxChain) {
        return new StackCheckPlacement<>(calls.keySet(), m -> calls.getOrDefault(m, List.of()), checkable, m -> 1,
                m -> m.startsWith("clinit"), maxChain);
    }

    @Test
    void everyCyclePassesACheckAndMethodsOnNoCycleHaveNone() {
        call("main", "a", "self", "leaf");
        call("a", "b");
        call("b", "c", "leaf");
        call("c", "a"); // a -> b -> c -> a
        call("self", "self", "leaf");
        StackCheckPlacement<String> p = place(m -> true, 16);
        assertTrue(p.checked("self"), "a method calling itself");
        assertEquals(1, List.of("a", "b", "c").stream().filter(p::checked).count(), "one check breaks a -> b -> c");
        assertFalse(p.checked("main"));
        assertFalse(p.checked("leaf"));
        assertEquals(2, p.cycleChecks());
        assertEquals(0, p.chainChecks());
        assertEveryCyclePassesACheck(p);
    }

    @Test
    void aHubBreaksManyCyclesWithOneCheck() {
        // append(Object) -> toString of every class -> append(Object): one check at the hub
        call("append", "toStringA", "toStringB", "toStringC");
        call("toStringA", "append");
        call("toStringB", "append");
        call("toStringC", "append", "helper");
        call("helper", "toStringC");
        StackCheckPlacement<String> p = place(m -> true, 16);
        assertTrue(p.checked("append"));
        assertEveryCyclePassesACheck(p);
        assertEquals(2, p.cycleChecks(), "append, and one of toStringC and helper");
    }

    @Test
    void aMethodInlinedEverywhereIsNotWhereTheCheckGoes() {
        call("charAt", "newException");
        call("newException", "concat");
        call("concat", "charAt");
        call("user1", "charAt");
        call("user2", "charAt");
        call("user3", "charAt");
        StackCheckPlacement<String> p = new StackCheckPlacement<>(calls.keySet(),
                m -> calls.getOrDefault(m, List.of()), m -> true, m -> m.equals("charAt") ? 4 : 1, m -> false, 16);
        assertFalse(p.checked("charAt"), "its check would be copied into each caller");
        assertEquals(1, p.cycleChecks());
        assertEveryCyclePassesACheck(p);
    }

    @Test
    void aClassInitializerClosesNoCycle() {
        call("main", "clinitA");
        call("clinitA", "use");
        call("use", "clinitA"); // TeaVM marks the class initialized first: the second call returns
        call("clinitB", "clinitB"); // an initializer reading its own class's statics
        StackCheckPlacement<String> p = place(m -> true, 16);
        assertEquals(0, p.cycleChecks());
    }

    @Test
    void aLongAcyclicChainGetsACheckEveryMaxChainFrames() {
        for (int i = 0; i < 40; i++) {
            call("m" + i, "m" + (i + 1));
        }
        StackCheckPlacement<String> p = place(m -> true, 10);
        // m40 is a leaf: chains m40..m31 (10 frames), so m30 is checked, then m19, m8
        List<String> checked = calls.keySet().stream().filter(p::checked).toList();
        assertEquals(List.of("m8", "m19", "m30"), checked);
        assertEquals(3, p.chainChecks());
        assertNoUncheckedChainLongerThan(p, 10);
    }

    @Test
    void aMethodThatCannotBeCheckedLeavesItsCycleToTheOthers() {
        call("main", "user");
        call("user", "runtimeHelper");
        call("runtimeHelper", "user"); // a runtime helper calling back into the program
        call("runtimeOnly", "runtimeOnly");
        Set<String> runtime = Set.of("runtimeHelper", "runtimeOnly");
        StackCheckPlacement<String> p = place(m -> !runtime.contains(m), 16);
        assertTrue(p.checked("user"));
        assertFalse(p.checked("runtimeHelper"));
        assertEquals(1, p.cycleChecks());
        assertFalse(p.checked("runtimeOnly"));
        assertFalse(p.checked("main"));
    }

    @Test
    void aDiamondCountsItsLongestBranch() {
        // main -> x -> (short | long chain) -> end: the long branch decides
        call("main", "x");
        call("x", "s", "l1");
        call("s", "end");
        call("l1", "l2");
        call("l2", "l3");
        call("l3", "end");
        StackCheckPlacement<String> p = place(m -> true, 4);
        // chains: end 1, l3 2, l2 3, l1 4, s 2, x 5 -> checked, main 1
        assertTrue(p.checked("x"));
        assertFalse(p.checked("main"));
        assertFalse(p.checked("l1"));
        assertNoUncheckedChainLongerThan(p, 4);
    }

    @Test
    void aCycleOfThousandsOfMethodsDoesNotNeedTheHostStack() {
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            call("r" + i, "r" + ((i + 1) % n));
        }
        StackCheckPlacement<String> p = place(m -> true, 16);
        assertEquals(1, p.cycleChecks());
    }

    /** With the checked methods taken out, the call graph has no cycle left (but the runtime's). */
    private void assertEveryCyclePassesACheck(StackCheckPlacement<String> p) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (String m : calls.keySet()) {
            assertAcyclic(p, m, state);
        }
    }

    private void assertAcyclic(StackCheckPlacement<String> p, String m, Map<String, Integer> state) {
        if (p.checked(m) || state.getOrDefault(m, 0) == 2) {
            return;
        }
        assertTrue(state.getOrDefault(m, 0) != 1, "a cycle through " + m + " passes no check");
        state.put(m, 1);
        for (String callee : calls.get(m)) {
            assertAcyclic(p, callee, state);
        }
        state.put(m, 2);
    }

    /** Walks every path from every method: no path of unchecked methods is longer than {@code max}. */
    private void assertNoUncheckedChainLongerThan(StackCheckPlacement<String> p, int max) {
        Map<String, Integer> longest = new HashMap<>();
        for (String m : calls.keySet()) {
            int length = unchecked(p, m, longest);
            assertTrue(length <= max, "an unchecked chain of " + length + " from " + m);
        }
    }

    private int unchecked(StackCheckPlacement<String> p, String m, Map<String, Integer> memo) {
        Integer known = memo.get(m);
        if (known != null) {
            return known;
        }
        int below = 0;
        for (String callee : calls.get(m)) {
            if (!p.checked(callee)) {
                below = Math.max(below, unchecked(p, callee, memo));
            }
        }
        // a checked method starts a new chain under it: its own frame counts for its callers' chain only if unchecked
        int length = p.checked(m) ? 0 : below + 1;
        memo.put(m, length);
        return length;
    }
}
