import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** java.security.MessageDigest: MD5, SHA-1 and SHA-2 on known inputs, incremental and cloned (issue 13, item 4). */
public class ApiMessageDigest {
    public static void main(String[] args) throws Exception {
        HexFormat hex = HexFormat.of();
        String[] algorithms = {"MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256",
            "sha", "Sha256"};
        byte[] long1 = new byte[1000];
        for (int i = 0; i < long1.length; i++) {
            long1[i] = (byte) (i * 31 + 7);
        }
        for (String name : algorithms) {
            MessageDigest md = MessageDigest.getInstance(name);
            System.out.println(md.getAlgorithm() + " " + md.getDigestLength());
            System.out.println("  '' " + hex.formatHex(md.digest()));
            System.out.println("  abc " + hex.formatHex(md.digest("abc".getBytes(StandardCharsets.US_ASCII))));
            // every length around the block boundaries of 64 and 128 bytes, fed in uneven pieces
            MessageDigest whole = MessageDigest.getInstance(name);
            MessageDigest pieces = MessageDigest.getInstance(name);
            StringBuilder agree = new StringBuilder();
            for (int len = 0; len <= 260; len++) {
                byte[] one = whole.digest(java.util.Arrays.copyOf(long1, len));
                for (int i = 0; i < len; i += 7) {
                    pieces.update(long1, i, Math.min(7, len - i));
                }
                agree.append(MessageDigest.isEqual(one, pieces.digest()) ? "" : " " + len);
            }
            md.update(long1);
            MessageDigest copy = (MessageDigest) md.clone();
            md.update((byte) 1);
            copy.update(ByteBuffer.wrap(new byte[] {1}));
            byte[] digest = md.digest();
            System.out.println("  1000 " + hex.formatHex(digest) + " clone=" + MessageDigest.isEqual(digest,
                    copy.digest(new byte[0])) + " pieces-differ:[" + agree + "]");
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        System.out.print(sha);
        sha.update((byte) 'x');
        System.out.print(sha);
        sha.reset();
        System.out.println(hex.formatHex(sha.digest()).substring(0, 16));
        byte[] out = new byte[40];
        sha.update("abc".getBytes(StandardCharsets.US_ASCII));
        System.out.println(sha.digest(out, 4, 36) + " " + hex.formatHex(out, 0, 12));
        try {
            sha.digest(new byte[10], 0, 10);
        } catch (DigestException e) {
            System.out.println(e);
        }
        try {
            sha.digest(new byte[40], 20, 32);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        for (String bad : new String[] {"FOO", "SHA-3", "MD4"}) {
            try {
                MessageDigest.getInstance(bad);
            } catch (NoSuchAlgorithmException e) {
                System.out.println(e);
            }
        }
        try {
            MessageDigest.getInstance(null);
        } catch (NullPointerException e) {
            System.out.println(e);
        }
        System.out.println(MessageDigest.isEqual(null, null) + " " + MessageDigest.isEqual(new byte[1], null) + " "
                + MessageDigest.isEqual(new byte[] {1, 2}, new byte[] {1, 2}) + " "
                + MessageDigest.isEqual(new byte[] {1, 2}, new byte[] {1}));
        // a million 'a's: FIPS 180's long test vector
        MessageDigest million = MessageDigest.getInstance("SHA-1");
        byte[] as = new byte[1000];
        java.util.Arrays.fill(as, (byte) 'a');
        for (int i = 0; i < 1000; i++) {
            million.update(as);
        }
        System.out.println(hex.formatHex(million.digest()));
    }
}
