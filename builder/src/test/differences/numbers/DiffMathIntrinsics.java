/**
 * Math.sin, exp and tanh are musl's in an image; HotSpot's are x86_64 intrinsics of its own (not
 * fdlibm, so not StrictMath): they differ in the last bit on some inputs (found by NumStrictMath's sweep).
 */
public class DiffMathIntrinsics {
    public static void main(String[] args) {
        System.out.println("Math.sin(710.48) " + Math.sin(710.48));
        System.out.println("Math.exp(0.9921875) " + Math.exp(0.9921875));
        System.out.println("Math.tanh(0.22805775767819436) " + Math.tanh(0.22805775767819436));
        System.out.println("end of DiffMathIntrinsics");
    }
}
