import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * StrictMath is fdlibm's, bit for bit, as its Javadoc requires: every floating-point method of
 * StrictMath over a few thousand inputs (±0, ±Inf, NaN, subnormals, huge and tiny values, powers of
 * two, near multiples of pi/2, near 1, the functions' thresholds, a deterministic pseudo-random
 * sweep). Per method: its number of inputs, a digest of every result's bits (NaN canonical: Java
 * does not specify a NaN's payload) and a few values, so that a mismatch names the method.
 * NumMathDelegates uses this class's inputs and digest (the suite compiles all programs together).
 */
public class NumStrictMath {
    public static void main(String[] args) {
        double[] xs = Sweep.unary();
        double[][] pairs = Sweep.binary(xs);
        unary("sin", StrictMath::sin, xs);
        unary("cos", StrictMath::cos, xs);
        unary("tan", StrictMath::tan, xs);
        unary("asin", StrictMath::asin, xs);
        unary("acos", StrictMath::acos, xs);
        unary("atan", StrictMath::atan, xs);
        unary("exp", StrictMath::exp, xs);
        unary("log", StrictMath::log, xs);
        unary("log10", StrictMath::log10, xs);
        unary("sqrt", StrictMath::sqrt, xs);
        unary("cbrt", StrictMath::cbrt, xs);
        unary("sinh", StrictMath::sinh, xs);
        unary("cosh", StrictMath::cosh, xs);
        unary("tanh", StrictMath::tanh, xs);
        unary("expm1", StrictMath::expm1, xs);
        unary("log1p", StrictMath::log1p, xs);
        unary("floor", StrictMath::floor, xs);
        unary("ceil", StrictMath::ceil, xs);
        unary("rint", StrictMath::rint, xs);
        unary("toRadians", StrictMath::toRadians, xs);
        unary("toDegrees", StrictMath::toDegrees, xs);
        unary("ulp", StrictMath::ulp, xs);
        unary("signum", StrictMath::signum, xs);
        unary("abs", StrictMath::abs, xs);
        unary("nextUp", StrictMath::nextUp, xs);
        unary("nextDown", StrictMath::nextDown, xs);
        unary("round", x -> StrictMath.round(x), xs);
        unary("getExponent", x -> StrictMath.getExponent(x), xs);
        unary("scalb", x -> StrictMath.scalb(x, 7) + StrictMath.scalb(x, -1060) + StrictMath.scalb(x, 2000), xs);
        binary("atan2", StrictMath::atan2, pairs);
        binary("pow", StrictMath::pow, pairs);
        binary("hypot", StrictMath::hypot, pairs);
        binary("IEEEremainder", StrictMath::IEEEremainder, pairs);
        binary("copySign", StrictMath::copySign, pairs);
        binary("nextAfter", StrictMath::nextAfter, pairs);
        binary("max", StrictMath::max, pairs);
        binary("min", StrictMath::min, pairs);
        binary("fma", (a, b) -> StrictMath.fma(a, b, 0.75) + StrictMath.fma(a, 3.0, b), pairs);
        floats(xs);
        System.out.println("E " + StrictMath.E + " PI " + StrictMath.PI + " TAU " + StrictMath.TAU);
        double r = StrictMath.random();
        System.out.println("random in [0, 1): " + (r >= 0 && r < 1));
    }

    /** StrictMath's float methods (the JDK's call Math's) over the inputs narrowed to float. */
    private static void floats(double[] xs) {
        Digest abs = new Digest("abs(float)"), ulp = new Digest("ulp(float)"), signum = new Digest("signum(float)");
        Digest up = new Digest("nextUp(float)"), down = new Digest("nextDown(float)"), round = new Digest("round(float)");
        Digest exp = new Digest("getExponent(float)"), scalb = new Digest("scalb(float)"), after = new Digest("nextAfter(float)");
        for (double x : xs) {
            float f = (float) x;
            abs.add(StrictMath.abs(f));
            ulp.add(StrictMath.ulp(f));
            signum.add(StrictMath.signum(f));
            up.add(StrictMath.nextUp(f));
            down.add(StrictMath.nextDown(f));
            round.add(StrictMath.round(f));
            exp.add(StrictMath.getExponent(f));
            scalb.add(StrictMath.scalb(f, 5) + StrictMath.scalb(f, -140));
            after.add(StrictMath.nextAfter(f, x > 0 ? Double.NEGATIVE_INFINITY : 1.0));
        }
        for (Digest d : new Digest[] {abs, ulp, signum, up, down, round, exp, scalb, after}) {
            System.out.println(d);
        }
    }

    static void unary(String name, DoubleUnaryOperator f, double[] xs) {
        Digest d = new Digest(name);
        for (double x : xs) {
            d.add(f.applyAsDouble(x));
        }
        StringBuilder samples = new StringBuilder();
        for (double x : Sweep.SAMPLES) {
            samples.append(' ').append(f.applyAsDouble(x));
        }
        System.out.println(d.toString() + samples);
    }

    static void binary(String name, DoubleBinaryOperator f, double[][] pairs) {
        Digest d = new Digest(name);
        for (double[] p : pairs) {
            d.add(f.applyAsDouble(p[0], p[1]));
        }
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i + 1 < Sweep.SAMPLES.length; i += 2) {
            samples.append(' ').append(f.applyAsDouble(Sweep.SAMPLES[i], Sweep.SAMPLES[i + 1]));
        }
        System.out.println(d.toString() + samples);
    }

    /** A 64-bit digest of a sequence of results' bits (NaNs canonical), with their count. */
    static final class Digest {
        private final String name;
        private long hash = 0xcbf29ce484222325L;
        private int count;

        Digest(String name) {
            this.name = name;
        }

        void add(double v) {
            add(Double.doubleToLongBits(v));
        }

        void add(float v) {
            add(Float.floatToIntBits(v));
        }

        void add(long bits) {
            hash = (hash ^ bits) * 0x100000001b3L;
            hash ^= hash >>> 29;
            count++;
        }

        @Override
        public String toString() {
            return name + ": " + count + " values, digest " + Long.toHexString(hash);
        }
    }

    /** The inputs: the same on every JVM (own SplitMix64, no library randomness). */
    static final class Sweep {
        static final double[] SAMPLES = {1.0, -2.5, 0.7, 1e-5, 100.0, Math.PI / 3, -0.0, 3e300, 0.9999999999999999, 42.0};

        private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                Double.MIN_NORMAL - Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 10.0, 1e-300, -1e-300, 1e300, -1e300, 1e-20, 1e20,
                Math.PI, -Math.PI, Math.PI / 2, Math.E, 0.1, 1.0 / 3, 22.0, 709.782712893384, 709.79, -745.1332191019411,
                -745.14, 710.4758600739439, 710.48, 0.34657359027997264, 1.0397207708399179, 0.6931471805599453,
                3.725290298461914E-9, 1.3877787807814457E-17, 5.551115123125783E-17, 0x1p-28, 0x1p-54, 0x1p1023,
                0.4375, 2.4375, 0.7853981633974483, 2.356194490192345, 3.9269908169872414};

        static double[] unary() {
            java.util.ArrayList<Double> xs = new java.util.ArrayList<>();
            for (double s : SPECIAL) {
                xs.add(s);
                xs.add(Math.nextUp(s));
                xs.add(Math.nextDown(s));
            }
            for (int e = -1074; e <= 1023; e += 5) { // powers of two, both signs
                xs.add(Math.scalb(1.0, e));
                xs.add(-Math.scalb(1.5, e));
            }
            for (int k = -60; k <= 60; k++) { // near multiples of pi/2
                double m = k * (Math.PI / 2);
                xs.add(m);
                xs.add(Math.nextUp(m));
                xs.add(Math.nextDown(m));
            }
            for (int k = 1; k <= 40; k++) { // huge multiples of pi/2 (argument reduction)
                xs.add(Math.scalb(Math.PI / 2, 20 * k));
                xs.add(Math.scalb(1.2345, 25 * k));
            }
            double up = 1.0, down = 1.0;
            for (int j = 0; j < 30; j++) { // near 1
                up = Math.nextUp(up);
                down = Math.nextDown(down);
                xs.add(up);
                xs.add(down);
                xs.add(1 + Math.scalb(1.0, -j - 1));
                xs.add(1 - Math.scalb(1.0, -j - 2));
                xs.add(-1 + Math.scalb(1.0, -j - 1));
            }
            long state = 0x5eed;
            for (int i = 0; i < 2400; i++) {
                state += 0x9e3779b97f4a7c15L;
                long z = mix(state);
                double u = (z >>> 11) * 0x1.0p-53;
                xs.add(switch (i % 6) {
                    case 0 -> Double.longBitsToDouble(z); // any bits: huge, tiny, subnormal, NaN
                    case 1 -> (u - 0.5) * 20;
                    case 2 -> (u - 0.5) * 2000;
                    case 3 -> u * 2 - 1;
                    case 4 -> Math.scalb(u + 0.5, (int) (z & 127) - 64);
                    default -> (u - 0.5) * 1500;
                });
            }
            double[] a = new double[xs.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = xs.get(i);
            }
            return a;
        }

        /** Every special value with every other, then pairs of the unary inputs, with integers and halves as y. */
        static double[][] binary(double[] xs) {
            java.util.ArrayList<double[]> ps = new java.util.ArrayList<>();
            for (double x : SPECIAL) {
                for (double y : SPECIAL) {
                    ps.add(new double[] {x, y});
                }
            }
            for (int i = 0; i < xs.length; i++) {
                double y = xs[(int) ((i * 7919L + 13) % xs.length)];
                ps.add(new double[] {xs[i], y});
                if (i % 3 == 0) {
                    ps.add(new double[] {xs[i], (i % 21) - 10 + ((i % 2) * 0.5)});
                }
            }
            return ps.toArray(new double[0][]);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
