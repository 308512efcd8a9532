/**
 * Runs one CPU-heavy program several times in one process and prints the best time of the
 * second half of the runs: the steady state, after HotSpot's JIT has warmed up (and the same
 * measure for a unikernel, which has no warm-up). Used by `kiln bench compute`.
 *
 * <p>Usage: ComputeBench NAME SIZE RUNS. Prints the program's own output once, then
 * "best_ns=N".
 */
public class ComputeBench {
    public static void main(String[] args) throws Exception {
        String name = args[0];
        String[] programArgs = {args[1]};
        int runs = Integer.parseInt(args[2]);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            switch (name) {
                case "nbody" -> NBody.main(programArgs);
                case "spectralnorm" -> SpectralNorm.main(programArgs);
                case "binarytrees" -> BinaryTrees.main(programArgs);
                case "fannkuchredux" -> FannkuchRedux.main(programArgs);
                case "mandelbrot" -> Mandelbrot.main(programArgs);
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            }
            long t = System.nanoTime() - t0;
            if (i >= runs / 2 && t < best) {
                best = t;
            }
        }
        System.out.println("best_ns=" + best);
    }
}
