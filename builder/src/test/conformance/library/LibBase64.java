import java.nio.charset.StandardCharsets;
import java.util.*;

/** java.util.Base64: basic, URL-safe and MIME encoders, padding and its absence, custom MIME line lengths, decoding errors and lenient MIME decoding, stream wrapping. */
public class LibBase64 {
    public static void main(String[] args) throws Exception {
        String[] inputs = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\u00ff\u00fe>?", "subjects?_d"};
        for (String s : inputs) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            System.out.println("[" + s + "] basic=" + Base64.getEncoder().encodeToString(b) + " url=" + Base64.getUrlEncoder().encodeToString(b) + " nopad="
                    + Base64.getEncoder().withoutPadding().encodeToString(b) + " urlnopad=" + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        }
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String mime = Base64.getMimeEncoder().encodeToString(all);
        System.out.println("mime lines " + mime.split("\r\n").length + " first " + mime.substring(0, 76).length() + " crlf " + mime.contains("\r\n"));
        System.out.println(Base64.getMimeEncoder(20, "|".getBytes()).encodeToString(Arrays.copyOf(all, 40)));
        System.out.println(Base64.getMimeEncoder(7, "\n".getBytes()).encodeToString("abcdefghij".getBytes()).replace("\n", "\\n"));
        System.out.println("roundtrip " + Arrays.equals(all, Base64.getDecoder().decode(Base64.getEncoder().encode(all))) + " "
                + Arrays.equals(all, Base64.getUrlDecoder().decode(Base64.getUrlEncoder().encodeToString(all))) + " " + Arrays.equals(all, Base64.getMimeDecoder().decode(mime)));
        System.out.println("decode nopad " + new String(Base64.getDecoder().decode("Zm9vYg")) + " " + new String(Base64.getDecoder().decode("Zm9vYmE")) + " mime ignores junk "
                + new String(Base64.getMimeDecoder().decode("Zm9v\r\nYm!F*y")) + " encode into buffer " + Base64.getEncoder().encode("hi".getBytes(), new byte[8]));
        String[] bad = {"Zm9v!", "Zm9vY", "Zm9=v", "Zm9vYg=", "Zm9vYg===", "-_8=", "+/8="};
        for (String s : bad) {
            for (Base64.Decoder dec : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
                try {
                    System.out.print(Arrays.toString(dec.decode(s)) + " ");
                } catch (IllegalArgumentException e) {
                    System.out.print("[" + e.getMessage() + "] ");
                }
            }
            System.out.println("<- " + s);
        }
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = Base64.getEncoder().wrap(sink)) {
            out.write("streamed ".getBytes());
            out.write("base64".getBytes());
        }
        System.out.println("wrap " + sink);
        try (java.io.InputStream in = Base64.getDecoder().wrap(new java.io.ByteArrayInputStream(sink.toByteArray()))) {
            System.out.println("unwrap " + new String(in.readAllBytes()));
        }
        java.nio.ByteBuffer bb = Base64.getEncoder().encode(java.nio.ByteBuffer.wrap("buf".getBytes()));
        System.out.println("ByteBuffer " + StandardCharsets.US_ASCII.decode(bb) + " " + new String(Base64.getDecoder().decode(java.nio.ByteBuffer.wrap("YnVm".getBytes())).array()));
    }
}
