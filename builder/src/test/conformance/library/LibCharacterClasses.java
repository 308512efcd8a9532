/** Character's classification and case mapping over ASCII and Latin-1, printed as one line per property. */
public class LibCharacterClasses {
    interface Test {
        boolean of(char c);
    }

    static void line(String name, Test t) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (char c = 0; c < 256; c++) {
            if (t.of(c)) {
                count++;
                sb.append(c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) ? String.valueOf(c) : String.format("\\x%02x", (int) c));
            }
        }
        System.out.println(name + " (" + count + "): " + sb);
    }

    public static void main(String[] args) {
        line("letter", Character::isLetter);
        line("digit", Character::isDigit);
        line("letterOrDigit", Character::isLetterOrDigit);
        line("alphabetic", c -> Character.isAlphabetic(c));
        line("upper", Character::isUpperCase);
        line("whitespace", Character::isWhitespace);
        line("spaceChar", Character::isSpaceChar);
        line("isoControl", Character::isISOControl);
        line("javaIdentifierPart", Character::isJavaIdentifierPart);
        line("identifierIgnorable", Character::isIdentifierIgnorable);
        line("defined", Character::isDefined);
        line("titleCase", Character::isTitleCase);
        StringBuilder types = new StringBuilder();
        for (char c = 0x20; c < 256; c++) {
            types.append(Character.getType(c)).append(c % 32 == 31 ? "\n" : ",");
        }
        System.out.print("types:\n" + types);
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder title = new StringBuilder();
        for (char c = 0x20; c < 256; c++) {
            upper.append(Character.toUpperCase(c));
            lower.append(Character.toLowerCase(c));
            title.append(Character.toTitleCase(c));
        }
        System.out.println("upper: " + upper.toString().replace('\u007f', '?').replaceAll("[\\x80-\\x9f]", "?"));
        System.out.println("lower: " + lower.toString().replace('\u007f', '?').replaceAll("[\\x80-\\x9f]", "?"));
        System.out.println("title equals upper: " + title.toString().equals(upper.toString()) + " toUpperCase(0xFF)=" + Integer.toHexString(Character.toUpperCase(0xFF))
                + " toUpperCase(0xB5)=" + Integer.toHexString(Character.toUpperCase(0xB5)) + " toUpperCase('\u00df')=" + Character.toUpperCase('\u00df'));
        StringBuilder nums = new StringBuilder();
        for (char c : "09afAFzZ\u0660 -".toCharArray()) {
            nums.append(c).append(':').append(Character.getNumericValue(c)).append('/').append(Character.digit(c, 16)).append('/').append(Character.digit(c, 36)).append(' ');
        }
        System.out.println("numeric " + nums);
        System.out.println("forDigit " + Character.forDigit(11, 16) + Character.forDigit(35, 36) + (int) Character.forDigit(10, 10) + " MIN_RADIX=" + Character.MIN_RADIX
                + " MAX_RADIX=" + Character.MAX_RADIX + " isSurrogate(d800)=" + Character.isSurrogate('\ud800') + " charCount(1F600)=" + Character.charCount(0x1F600)
                + " toChars=" + new String(Character.toChars(0x1F600)).length() + " isValidCodePoint(0x110000)=" + Character.isValidCodePoint(0x110000)
                + " isBmp=" + Character.isBmpCodePoint(0xFFFF) + " compare=" + Character.compare('a', 'b')
                + " reverseBytes=" + Integer.toHexString(Character.reverseBytes('\u1234')) + " highSurrogate=" + Integer.toHexString(Character.highSurrogate(0x1F600)));
    }
}
