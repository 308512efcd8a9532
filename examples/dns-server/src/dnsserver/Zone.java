package dnsserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** The records of one zone by owner name (lower case), and every name that exists in it. */
final class Zone {
    private final String origin;
    private final HashMap<String, List<Record>> byName = new HashMap<>();
    private Record soa;
    private int count;

    Zone(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    Record soa() {
        return soa;
    }

    int recordCount() {
        return count;
    }

    void add(Record r) {
        if (r.type == Record.SOA) {
            soa = r;
        }
        List<Record> list = byName.get(r.owner);
        if (list == null) {
            list = new ArrayList<>();
            byName.put(r.owner, list);
        }
        list.add(r);
        count++;
        // Every ancestor up to the origin exists too, even without records of its own
        // (an empty non-terminal answers NODATA, not NXDOMAIN: RFC 8020).
        String name = r.owner;
        while (name.length() > origin.length()) {
            name = name.substring(name.indexOf('.') + 1);
            if (!byName.containsKey(name)) {
                byName.put(name, new ArrayList<>());
            }
        }
    }

    /** True if name (lower case, absolute) is the origin or below it. */
    boolean contains(String name) {
        return name.equals(origin) || name.endsWith("." + origin);
    }

    /** The records at name, empty for an empty non-terminal, null if the name does not exist. */
    List<Record> lookup(String name) {
        return byName.get(name);
    }
}
