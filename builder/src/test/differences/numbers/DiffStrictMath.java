/** musl's exp, sinh, cosh, tanh are not fdlibm's: StrictMath (and Math where HotSpot uses fdlibm) differ in the last digit. */
public class DiffStrictMath {
    public static void main(String[] args) {
        System.out.println("StrictMath.exp(1) " + StrictMath.exp(1));
        System.out.println("Math.cosh(-1) " + Math.cosh(-1));
        System.out.println("StrictMath.sinh(2) " + StrictMath.sinh(2));
        System.out.println("StrictMath.tanh(0.7) " + StrictMath.tanh(0.7));
        System.out.println("end of DiffStrictMath");
    }
}
