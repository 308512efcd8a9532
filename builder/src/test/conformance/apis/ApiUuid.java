import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** java.util.UUID, complete: constructor, parsing, name-based and random UUIDs, fields, order (issue 13, item 4). */
public class ApiUuid {
    public static void main(String[] args) {
        UUID u = new UUID(0x123e4567e89b12d3L, 0xa456426614174000L);
        System.out.println(u + " " + u.version() + " " + u.variant() + " " + u.hashCode());
        System.out.println(Long.toHexString(u.getMostSignificantBits()) + " " + Long.toHexString(u.getLeastSignificantBits()));
        System.out.println(u.timestamp() + " " + u.clockSequence() + " " + u.node());
        System.out.println(new UUID(0, 0) + " " + new UUID(-1, -1) + " " + new UUID(-1, -1).variant());
        UUID named = UUID.nameUUIDFromBytes("kiln".getBytes(StandardCharsets.UTF_8));
        System.out.println(named + " " + named.version() + " " + named.variant());
        System.out.println(UUID.nameUUIDFromBytes(new byte[0]));
        String[] inputs = {"1-2-3-4-5", "123E4567-E89B-12D3-A456-426614174000", "00000000000000000001-2-3-4-5", "zz",
            "1-2-3-4", "1-2-3-4-5-6", "123e4567-e89b-12d3-a456-4266141740001", "1-2-3-4-x", "",
            "123e4567+e89b-12d3-a456-426614174000", "1-2-3-4-11111111111111111", "1--3-4-5"};
        for (String s : inputs) {
            try {
                UUID p = UUID.fromString(s);
                System.out.println(p + " " + p.equals(UUID.fromString(p.toString())));
            } catch (IllegalArgumentException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        try {
            named.timestamp();
        } catch (UnsupportedOperationException e) {
            System.out.println(e.getMessage());
        }
        List<UUID> list = new ArrayList<>(List.of(new UUID(1, 0), new UUID(-1, 0), new UUID(1, -5), new UUID(1, 5), u));
        Collections.sort(list);
        System.out.println(list);
        UUID r1 = UUID.randomUUID();
        UUID r2 = UUID.randomUUID();
        System.out.println(r1.version() + " " + r1.variant() + " " + r1.equals(r2) + " " + r1.toString().length()
                + " " + UUID.fromString(r1.toString()).equals(r1));
    }
}
