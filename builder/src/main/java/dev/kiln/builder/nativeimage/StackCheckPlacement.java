package dev.kiln.builder.nativeimage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Which methods keep their stack check: the graph part of {@link StackGuardPlacement}, on any call
 * graph (so that it is tested on small ones).
 *
 * <p>The check exists to turn an unbounded recursion into a StackOverflowError before the guard
 * page. A chain of calls on the stack that repeats no method is as long as the call graph's
 * longest acyclic path; only a call graph's cycles make the depth unbounded. So:
 * <ol>
 * <li>every cycle passes a check: a feedback vertex set of the call graph ({@link #breakCycles}),
 *     so a recursion meets a check at least once per turn, whichever method it starts from;</li>
 * <li>the chain of methods without a check that can run below the last check passed is bounded:
 *     a method whose longest chain of unchecked callees (itself included) would exceed
 *     {@code maxChain} keeps its check too. Such a chain repeats no method (a repeated method
 *     closes a cycle, which passes a check), so its length is well defined, computed on the graph of
 *     strongly connected components, callees first.</li>
 * </ol>
 * Below the lowest check that passed there are then at most {@code maxChain + 1} frames of Java
 * methods (that method's own frame and the chain under it) plus the frame of the method whose check
 * throws: that is what the slack below a thread's limit must hold, with the runtime's own code
 * (allocator, GC, exception dispatch), which never has checks.
 *
 * <p>Methods that cannot carry a check ({@code checkable} false: Kiln's and TeaVM's runtime) never
 * get one; a chain through them counts their frames as any other.
 */
final class StackCheckPlacement<M> {
    private final Collection<M> methods;
    private final Function<M, Collection<M>> callees;
    private final Predicate<M> checkable;
    private final ToIntFunction<M> copies;
    private final Predicate<M> runsOnce;
    private final int maxChain;

    /** Methods whose check breaks the call graph's cycles. */
    private final Set<M> cycleBreaks = new HashSet<>();
    /** Methods with a check because an acyclic chain of unchecked methods below them was too long. */
    private final Set<M> chainBreaks = new HashSet<>();

    /**
     * @param copies how many copies of a method's check the image will hold (TeaVM inlines small
     *               methods into their callers, check included): cycles are broken where that is least
     * @param runsOnce methods that never run twice in one chain of calls (class initializers: TeaVM
     *               marks a class initialized before its initializer runs): no cycle passes them
     */
    StackCheckPlacement(Collection<M> methods, Function<M, Collection<M>> callees, Predicate<M> checkable,
            ToIntFunction<M> copies, Predicate<M> runsOnce, int maxChain) {
        if (maxChain < 1) {
            throw new IllegalArgumentException("maxChain must be at least 1: " + maxChain);
        }
        this.methods = methods;
        this.callees = callees;
        this.checkable = checkable;
        this.copies = copies;
        this.runsOnce = runsOnce;
        this.maxChain = maxChain;
        breakCycles();
        boundChains();
    }

    /** Whether {@code method} keeps its check. */
    boolean checked(M method) {
        return cycleBreaks.contains(method) || chainBreaks.contains(method);
    }

    /** How many checks break cycles. */
    int cycleChecks() {
        return cycleBreaks.size();
    }

    /** How many checks bound an acyclic chain. */
    int chainChecks() {
        return chainBreaks.size();
    }

    /**
     * A feedback vertex set: checks such that every cycle passes one. Finding the smallest is
     * NP-hard; the usual greedy rule does well on call graphs: in each strongly connected
     * component, check the method with the most calls in and out within the component (per copy
     * of its check), take it out, and go on with what is still strongly connected. A method that
     * calls itself is always checked (no other method breaks that cycle). A cycle of methods none
     * of which can be checked (the runtime's) stays as it is.
     */
    private void breakCycles() {
        Deque<List<M>> work = new ArrayDeque<>(cyclic(components(methods, runsOnce.negate())));
        while (!work.isEmpty()) {
            List<M> component = work.pop();
            Set<M> members = new HashSet<>(component);
            M best = null;
            double bestScore = -1;
            Map<M, Integer> in = new HashMap<>();
            Map<M, Integer> out = new HashMap<>();
            for (M m : component) {
                for (M callee : callees.apply(m)) {
                    if (members.contains(callee)) {
                        out.merge(m, 1, Integer::sum);
                        in.merge(callee, 1, Integer::sum);
                    }
                }
            }
            for (M m : component) {
                if (!checkable.test(m)) {
                    continue;
                }
                if (callsItself(m)) {
                    best = m; // a self-call: only its own check breaks it
                    break;
                }
                double score = (double) in.getOrDefault(m, 0) * out.getOrDefault(m, 0) / Math.max(1, copies.applyAsInt(m));
                if (score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
            if (best == null) {
                continue;
            }
            cycleBreaks.add(best);
            members.remove(best);
            List<M> rest = component.stream().filter(members::contains).toList();
            work.addAll(cyclic(components(rest, members::contains)));
        }
    }

    /**
     * The longest chain of unchecked methods starting at each method, callees first; a method whose
     * chain would be longer than {@code maxChain} is checked, its callers' chains start anew.
     */
    private void boundChains() {
        Map<M, Integer> chain = new HashMap<>();
        Predicate<M> unchecked = m -> !checked(m);
        List<M> uncheckedMethods = methods.stream().filter(unchecked).toList();
        for (List<M> component : components(uncheckedMethods, unchecked)) {
            // more than one method only for a cycle of the runtime's methods, which has no check
            Set<M> members = new HashSet<>(component);
            for (M m : component) {
                int below = 0;
                for (M callee : callees.apply(m)) {
                    if (!members.contains(callee) && !checked(callee)) {
                        below = Math.max(below, chain.getOrDefault(callee, 0));
                    }
                }
                int length = below + 1;
                if (length > maxChain && checkable.test(m)) {
                    chainBreaks.add(m);
                    length = 0;
                }
                chain.put(m, length);
            }
        }
    }

    private List<List<M>> cyclic(List<List<M>> components) {
        return components.stream()
                .filter(c -> c.size() > 1 || callsItself(c.getFirst()))
                .toList();
    }

    /** A class initializer that touches its own class's statics "calls" itself: it returns at once. */
    private boolean callsItself(M m) {
        return !runsOnce.test(m) && callees.apply(m).contains(m);
    }

    /**
     * The strongly connected components of the graph of {@code nodes} and the calls between
     * methods {@code within} accepts, callees' components before their callers' (Tarjan's
     * algorithm, without recursion: the call graph's longest path would be the host stack's problem).
     */
    private List<List<M>> components(Collection<M> nodes, Predicate<M> within) {
        Map<M, Integer> index = new HashMap<>();
        Map<M, Integer> low = new HashMap<>();
        Deque<M> stack = new ArrayDeque<>();
        Set<M> onStack = new HashSet<>();
        List<List<M>> result = new ArrayList<>();
        Deque<Frame<M>> work = new ArrayDeque<>();
        for (M root : nodes) {
            if (index.containsKey(root)) {
                continue;
            }
            visit(root, index, low, stack, onStack, work);
            while (!work.isEmpty()) {
                Frame<M> top = work.peek();
                if (top.next().hasNext()) {
                    M callee = top.next().next();
                    if (!within.test(callee)) {
                        continue;
                    }
                    if (!index.containsKey(callee)) {
                        visit(callee, index, low, stack, onStack, work);
                    } else if (onStack.contains(callee)) {
                        low.put(top.method(), Math.min(low.get(top.method()), index.get(callee)));
                    }
                    continue;
                }
                work.pop();
                M m = top.method();
                if (!work.isEmpty()) {
                    M caller = work.peek().method();
                    low.put(caller, Math.min(low.get(caller), low.get(m)));
                }
                if (low.get(m).equals(index.get(m))) {
                    List<M> component = new ArrayList<>();
                    M member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(m));
                    result.add(component);
                }
            }
        }
        return result;
    }

    private void visit(M m, Map<M, Integer> index, Map<M, Integer> low, Deque<M> stack, Set<M> onStack,
            Deque<Frame<M>> work) {
        int n = index.size();
        index.put(m, n);
        low.put(m, n);
        stack.push(m);
        onStack.add(m);
        work.push(new Frame<>(m, callees.apply(m).iterator()));
    }

    private record Frame<M>(M method, Iterator<M> next) {
    }
}
