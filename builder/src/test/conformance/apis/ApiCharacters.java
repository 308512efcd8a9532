/** Character methods of JDK 11 to 21: toString(int) and the emoji properties (issue 13, item 4). */
public class ApiCharacters {
    public static void main(String[] args) {
        System.out.println(Character.toString(0x1F600) + " " + Character.toString(65) + " "
                + Character.toString(0x1F600).length());
        for (int bad : new int[] {-1, 0x110000}) {
            try {
                Character.toString(bad);
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
            }
        }
        int[] probes = {'#', '5', 'A', 0xA9, 0x231A, 0x2764, 0x1F3FB, 0x1F44D, 0x1F600, 0x1F9D1, 0x200D, 0xFE0F,
                0x1F1E6, 0x1FAF8, 0x1FFFD, 0xE0020};
        for (int cp : probes) {
            System.out.printf("U+%04X %b %b %b %b %b %b%n", cp, Character.isEmoji(cp), Character.isEmojiPresentation(cp),
                    Character.isEmojiModifier(cp), Character.isEmojiModifierBase(cp), Character.isEmojiComponent(cp),
                    Character.isExtendedPictographic(cp));
        }
        int[] counts = new int[6];
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 1) {
            if (Character.isEmoji(cp)) counts[0]++;
            if (Character.isEmojiPresentation(cp)) counts[1]++;
            if (Character.isEmojiModifier(cp)) counts[2]++;
            if (Character.isEmojiModifierBase(cp)) counts[3]++;
            if (Character.isEmojiComponent(cp)) counts[4]++;
            if (Character.isExtendedPictographic(cp)) counts[5]++;
        }
        System.out.println(java.util.Arrays.toString(counts));
    }
}
