import java.util.*;

public class ProgBrainfuck {
    static String run(String code, String input, int maxSteps) {
        int[] jump = new int[code.length()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '[') {
                stack.push(i);
            } else if (code.charAt(i) == ']') {
                if (stack.isEmpty()) {
                    throw new IllegalArgumentException("unmatched ] at " + i);
                }
                int j = stack.pop();
                jump[i] = j;
                jump[j] = i;
            }
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException("unmatched [ at " + stack.peek());
        }
        byte[] tape = new byte[30000];
        int ptr = 0, in = 0, steps = 0;
        StringBuilder out = new StringBuilder();
        for (int pc = 0; pc < code.length(); pc++) {
            if (++steps > maxSteps) {
                out.append("<step limit>");
                break;
            }
            switch (code.charAt(pc)) {
                case '>' -> ptr++;
                case '<' -> ptr--;
                case '+' -> tape[ptr]++;
                case '-' -> tape[ptr]--;
                case '.' -> out.append((char) (tape[ptr] & 0xFF));
                case ',' -> tape[ptr] = in < input.length() ? (byte) input.charAt(in++) : 0;
                case '[' -> {
                    if (tape[ptr] == 0) {
                        pc = jump[pc];
                    }
                }
                case ']' -> {
                    if (tape[ptr] != 0) {
                        pc = jump[pc];
                    }
                }
                default -> {
                }
            }
        }
        return out + " (" + steps + " steps)";
    }

    public static void main(String[] args) {
        String hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.";
        System.out.print(run(hello, "", 1_000_000));
        System.out.println();
        System.out.println(run(",[.,]", "echo this", 10_000));
        System.out.println(run(",[>+<-]>.", "A", 10_000).length());
        String reverse = ">,[>,]<[.<]";
        System.out.println(run(reverse, "stressed", 10_000));
        String add = ",>,[<+>-]<------------------------------------------------.";
        System.out.println(run(add, "34", 10_000));
        String squares = "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]"
                + "<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]";
        String sq = run(squares, "", 5_000_000);
        System.out.println(sq.lines().limit(12).toList());
        System.out.println(run("+[]", "", 1000));
        for (String bad : new String[] {"[[]", "]["}) {
            try {
                run(bad, "", 10);
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
            }
        }
        System.out.println(run("-.", "", 10).codePointAt(0) + " " + run("+++++[>+++++++++++++<-]>.", "", 1000));
    }
}
