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

    /**
     * The zone from zonec's table (see ZoneData): names separated by spaces, the first
     * ownerCount of them owners; the records as one char per byte.
     */
    static Zone decode(String origin, String names, int ownerCount, String table) {
        String[] all = new String[names.length() == 0 ? 0 : count(names, ' ') + 1];
        int from = 0;
        for (int i = 0; i < all.length; i++) {
            int sp = names.indexOf(' ', from);
            all[i] = names.substring(from, sp < 0 ? names.length() : sp);
            from = sp + 1;
        }
        String[] owners = new String[ownerCount];
        System.arraycopy(all, 0, owners, 0, ownerCount);
        Record[][] records = new Record[ownerCount][];
        int p = 0;
        for (int o = 0; o < ownerCount; o++) {
            Record[] rrs = new Record[table.charAt(p++)];
            for (int k = 0; k < rrs.length; k++) {
                int type = table.charAt(p) << 8 | table.charAt(p + 1);
                int ttl = table.charAt(p + 2) << 24 | table.charAt(p + 3) << 16 | table.charAt(p + 4) << 8 | table.charAt(p + 5);
                String[] rdNames = new String[table.charAt(p + 6)];
                p += 7;
                for (int n = 0; n < rdNames.length; n++) {
                    rdNames[n] = all[table.charAt(p++)];
                }
                byte[] rdata = new byte[table.charAt(p) << 8 | table.charAt(p + 1)];
                p += 2;
                for (int b = 0; b < rdata.length; b++) {
                    rdata[b] = (byte) table.charAt(p++);
                }
                rrs[k] = new Record(type, ttl, rdNames, rdata);
            }
            records[o] = rrs;
        }
        return new Zone(origin, owners, records);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
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
