/** Integer/Long/Short/Byte parsing and Double.parseDouble: the JDK's grammar and HotSpot's messages. */
public class NumParse {
    interface Parse {
        Object run();
    }

    static void t(String label, Parse p) {
        try {
            System.out.println(label + " = " + p.run());
        } catch (RuntimeException e) {
            System.out.println(label + " ! " + e);
        }
    }

    public static void main(String[] args) {
        for (String s : new String[] {"12x", "", " 1", "-", "+5", "2147483647", "2147483648", "-2147483648", "007"}) {
            t("int " + s, () -> Integer.parseInt(s));
        }
        t("int null", () -> Integer.parseInt(null));
        t("int radix 1", () -> Integer.parseInt("1", 1));
        t("int radix 40", () -> Integer.parseInt("1", 40));
        t("hex", () -> Integer.parseInt("-7fffffff", 16) + " " + Integer.parseInt("zz", 36) + " " + Integer.valueOf("123"));
        t("hex bad", () -> Integer.parseInt("fg", 16));
        t("decode", () -> Integer.decode("-0x80000000") + " " + Integer.decode("#ff") + " " + Integer.decode("010") + " " + Long.decode("-9223372036854775808"));
        t("decode 0x1G", () -> Integer.decode("0x1G"));
        t("decode empty", () -> Long.decode(""));
        t("decode --1", () -> Integer.decode("--1"));
        t("long", () -> Long.parseLong("-9223372036854775808") + " " + Long.valueOf("42"));
        t("long ovf", () -> Long.parseLong("9223372036854775808"));
        t("long 12L", () -> Long.parseLong("12L"));
        t("short", () -> Short.parseShort("40000"));
        t("short hex", () -> Short.parseShort("ffff", 16));
        t("byte", () -> Byte.parseByte("-128") + " " + Byte.parseByte("7f", 16));
        t("byte ovf", () -> Byte.parseByte("200"));
        for (String s : new String[] {"1.5", " 2.5e3 ", "1d", "3F", ".5", "5.", "-0", "+Infinity", "-NaN", "0x1p3", "0X1.8P-1f",
            "1e400", "1e-400", "2.4703282292062328E-324", "1.7976931348623159e308", "9007199254740993", "1e23", "",
            "   ", "1.2.3", "abc", "1e", "0x1.8", "Infinityx"}) {
            t("double '" + s + "'", () -> Double.parseDouble(s));
        }
        t("float", () -> Float.parseFloat("16777217") + " " + Float.parseFloat("1.00000017881393421514957253748434595763683319091796875001")
                + " " + Float.parseFloat("3.4028236e38") + " " + Float.valueOf("0.1"));
        t("double valueOf", () -> Double.valueOf("0.1000000000000000055511151231257827021181583404541015625"));
    }
}
