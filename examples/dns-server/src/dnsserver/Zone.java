package dnsserver;

/**
 * The zone as compiled by zonec (see {@link ZoneData}): every name that exists, in String order
 * (empty non-terminals included, with no records), and the records at each. Looked up by binary
 * search: no hash table, so the image carries none.
 */
final class Zone {
    private final String origin;
    private final String[] names;
    private final Record[][] records;
    private final Record soa;

    Zone(String origin, String[] names, Record[][] records) {
        this.origin = origin;
        this.names = names;
        this.records = records;
        Record[] apex = lookup(origin);
        Record found = null;
        for (int i = 0; apex != null && i < apex.length; i++) {
            if (apex[i].type == Record.SOA) {
                found = apex[i];
            }
        }
        if (found == null) {
            throw new IllegalStateException("the zone has no SOA at " + origin);
        }
        soa = found;
    }

    String origin() {
        return origin;
    }

    Record soa() {
        return soa;
    }

    int recordCount() {
        int n = 0;
        for (Record[] r : records) {
            n += r.length;
        }
        return n;
    }

    /** True if name (lower case, absolute) is the origin or below it. */
    boolean contains(String name) {
        return name.equals(origin) || (name.endsWith(origin) && name.length() > origin.length()
                && name.charAt(name.length() - origin.length() - 1) == '.');
    }

    /** The records at name, empty for an empty non-terminal, null if the name does not exist. */
    Record[] lookup(String name) {
        int lo = 0;
        int hi = names.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = names[mid].compareTo(name);
            if (c == 0) {
                return records[mid];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }
}
