/** Character's properties over Latin-1 where TeaVM's tables differ. */
public class DiffCharacterLatin1 {
    public static void main(String[] args) {
        System.out.println("isLowerCase(ª) " + Character.isLowerCase('\u00aa') + ", isLowerCase(º) " + Character.isLowerCase('\u00ba'));
        System.out.println("isJavaIdentifierStart(\\u0000) " + Character.isJavaIdentifierStart('\u0000'));
        System.out.println("getNumericValue(²) " + Character.getNumericValue('\u00b2') + ", getNumericValue(½) "
                + Character.getNumericValue('\u00bd'));
        System.out.println("end of DiffCharacterLatin1");
    }
}
