/* The Computer Language Benchmarks Game binary-trees (single-threaded): allocation and GC. */
public final class BinaryTrees {
    private static final class Node {
        final Node left, right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int check() {
            return left == null ? 1 : 1 + left.check() + right.check();
        }
    }

    private static Node create(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(create(depth - 1), create(depth - 1));
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int maxDepth = Math.max(6, n);
        int stretch = maxDepth + 1;
        System.out.println("stretch tree of depth " + stretch + "\t check: " + create(stretch).check());
        Node longLived = create(maxDepth);
        for (int d = 4; d <= maxDepth; d += 2) {
            int iterations = 1 << (maxDepth - d + 4);
            int check = 0;
            for (int i = 0; i < iterations; i++) {
                check += create(d).check();
            }
            System.out.println(iterations + "\t trees of depth " + d + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.check());
    }
}
