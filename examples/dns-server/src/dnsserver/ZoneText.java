package dnsserver;

/**
 * The zone this server is authoritative for, in RFC 1035 master-file syntax (the subset that
 * {@link ZoneParser} reads). It is a Java constant rather than a file because a Kiln image has
 * no file system: this text is compiled into the image and parsed once at start-up.
 * Edit it like a zone file; ZoneParser reports mistakes with their line number.
 */
final class ZoneText {
    private ZoneText() {}

    static final String ZONE = """
            $ORIGIN kiln.test.
            $TTL 3600
            ; the apex
            @         IN SOA   ns1 hostmaster ( 2026112301 ; serial
                                                7200       ; refresh
                                                900        ; retry
                                                1209600    ; expire
                                                300 )      ; negative-answer TTL (RFC 2308)
            @         IN NS    ns1
            @         IN A     10.0.0.2
            @         IN AAAA  fd00:6b69:6c6e::2
            ns1       IN A     10.0.0.2
            www       IN A     10.0.0.80
                      IN A     10.0.0.81
                      IN AAAA  fd00:6b69:6c6e::80
            info      IN TXT   "Kiln: an authoritative DNS server in a unikernel" "zone baked into the image"
            v6only    IN AAAA  2001:db8::1
            MixedCase 60 IN A  10.0.0.7
            ; deep.kiln.test and b.deep.kiln.test exist only as parents: empty non-terminals (NODATA)
            a.b.deep  IN A     10.0.0.9
            """;
}
