/**
 * The Math methods that HotSpot 25 computes by calling StrictMath (no x86_64 intrinsic of their own:
 * asin, acos, atan, atan2, sinh, cosh, expm1, log1p, hypot, IEEEremainder) give StrictMath's results,
 * over NumStrictMath's inputs: a digest per method, a few values, and how many results differ from
 * StrictMath's (0 on HotSpot). Math.sin, exp, log, pow, cbrt, tanh... are HotSpot intrinsics with
 * their own algorithms, so they are not here (docs/native-images.md, known differences).
 */
public class NumMathDelegates {
    public static void main(String[] args) {
        double[] xs = NumStrictMath.Sweep.unary();
        double[][] pairs = NumStrictMath.Sweep.binary(xs);
        same("asin", Math::asin, StrictMath::asin, xs);
        same("acos", Math::acos, StrictMath::acos, xs);
        same("atan", Math::atan, StrictMath::atan, xs);
        same("sinh", Math::sinh, StrictMath::sinh, xs);
        same("cosh", Math::cosh, StrictMath::cosh, xs);
        same("expm1", Math::expm1, StrictMath::expm1, xs);
        same("log1p", Math::log1p, StrictMath::log1p, xs);
        same("sqrt", Math::sqrt, StrictMath::sqrt, xs);
        same2("atan2", Math::atan2, StrictMath::atan2, pairs);
        same2("hypot", Math::hypot, StrictMath::hypot, pairs);
        same2("IEEEremainder", Math::IEEEremainder, StrictMath::IEEEremainder, pairs);
        System.out.println(Math.cosh(-1) + " " + Math.sinh(2) + " " + Math.expm1(1) + " " + Math.log1p(1)
                + " " + Math.hypot(1, 1) + " " + Math.atan2(1, -1) + " " + Math.asin(0.5) + " " + Math.acos(-0.3));
    }

    private static void same(String name, java.util.function.DoubleUnaryOperator math,
            java.util.function.DoubleUnaryOperator strict, double[] xs) {
        int differ = 0;
        for (double x : xs) {
            if (Double.doubleToLongBits(math.applyAsDouble(x)) != Double.doubleToLongBits(strict.applyAsDouble(x))) {
                differ++;
            }
        }
        NumStrictMath.unary("Math." + name, math, xs);
        System.out.println("  differ from StrictMath: " + differ);
    }

    private static void same2(String name, java.util.function.DoubleBinaryOperator math,
            java.util.function.DoubleBinaryOperator strict, double[][] pairs) {
        int differ = 0;
        for (double[] p : pairs) {
            if (Double.doubleToLongBits(math.applyAsDouble(p[0], p[1]))
                    != Double.doubleToLongBits(strict.applyAsDouble(p[0], p[1]))) {
                differ++;
            }
        }
        NumStrictMath.binary("Math." + name, math, pairs);
        System.out.println("  differ from StrictMath: " + differ);
    }
}
