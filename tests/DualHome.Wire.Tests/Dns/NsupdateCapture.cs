using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dns;

/// <summary>
/// UDP payloads captured with tests/DualHome.Wire.Tests/TestData/capture-nsupdate.sh (as root, in netns
/// dhwire-dns): nsupdate 9.18.49-1~deb12u3-Debian sending to named 9.18.49-1~deb12u3-Debian on [::1]:53, zone
/// home.example (www AAAA 2001:db8:b:1::10 at the start), on 2026-11-29. Every request was signed at
/// Time Signed 0x6b0c0c05 = 1795951621 = 2026-11-29T11:27:01Z, fudge 300. Offsets: the zone name is at 12
/// (pointer c00c), "www" first appears at 30 (pointer c01e).
/// </summary>
internal static class NsupdateCapture
{
    public const long TimeSigned = 1795951621;

    public static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(TimeSigned);

    public const string Zone = "home.example";
    public const string Www = "www.home.example";

    // The test keys of capture-nsupdate.sh (named.conf key statements; nsupdate -y). Test-only secrets.
    public static readonly TsigKey Sha256 = TsigKey.FromBase64("dualhome-test", "hmac-sha256", "Y7vJGfbk1EfCadu8NLUy0ThKVGkHv4K+Yuria2WwjeU=");
    public static readonly TsigKey Sha1 = TsigKey.FromBase64("dualhome-sha1", "hmac-sha1", "gZErBzKkpvGd2+a7aA0SM5P8CiU=");
    public static readonly TsigKey Sha512 = TsigKey.FromBase64("dualhome-sha512", "hmac-sha512",
        "8yrmmV/+KoCPvczdZbQVX54Ty1nba9h6TrjAL9a8wN3ceve3QCO+DDpOum7YAXW1nO5ZayoSadfjCES8NkWcQg==");
    /// <summary>dualhome-test's name with a secret named does not have (capture 11).</summary>
    public static readonly TsigKey WrongSecret = TsigKey.FromBase64("dualhome-test", "hmac-sha256", "rDjBoeRQyWgazCxYe78z+Oepqshk0dAY+xfBYEKyKA4=");
    /// <summary>A key name named does not know, with dualhome-test's secret (capture 13).</summary>
    public static readonly TsigKey OtherName = TsigKey.FromBase64("dualhome-other", "hmac-sha256", "Y7vJGfbk1EfCadu8NLUy0ThKVGkHv4K+Yuria2WwjeU=");

    private const string ZoneSection = """
        04 686f6d65 07 6578616d706c65 00     # ZNAME home.example. (offset 12)
        0006 0001                            # ZTYPE SOA, ZCLASS IN (RFC 2136 §2.3)
        """;

    private const string TsigSha256 = """
        0d 6475616c686f6d652d74657374 00     # TSIG owner: key name dualhome-test., uncompressed
        00fa 00ff 00000000 003d              # TYPE TSIG, CLASS ANY, TTL 0, RDLENGTH 61
        0b 686d61632d736861323536 00         # Algorithm Name hmac-sha256., uncompressed
        00006b0c0c05 012c 0020               # Time Signed 1795951621, Fudge 300, MAC Size 32
        """;

    /// <summary>1. <c>update add www.home.example. 300 AAAA 2001:db8:a:1::10</c>, hmac-sha256.</summary>
    public static readonly byte[] AddRequest = Hex.Parse($"""
        b6b1                                 # ID
        2800                                 # QR 0, Opcode 5 UPDATE, Z 0, RCODE 0
        0001 0000 0001 0001                  # ZOCOUNT 1, PRCOUNT 0, UPCOUNT 1, ADCOUNT 1 (the TSIG)
        {ZoneSection}
        03 777777 c00c                       # update: www + pointer to home.example (offset 30)
        001c 0001 0000012c 0010              #   AAAA, IN (§2.5.1 add), TTL 300, RDLENGTH 16
        20010db8 000a0001 00000000 00000010  #   2001:db8:a:1::10
        {TsigSha256}
        3878e59e6195c9761c22d209ceec422f f5c64de0049562316d993a71cbd9e1a0 # MAC
        b6b1 0000 0000                       # Original ID, Error 0, Other Len 0
        """);

    /// <summary>2. named's answer to 1: NOERROR, signed over 1's MAC.</summary>
    public static readonly byte[] AddResponse = Hex.Parse($"""
        b6b1                                 # ID
        a800                                 # QR 1, Opcode 5, AA 0, RCODE 0 NOERROR
        0001 0000 0000 0001                  # the zone section comes back (RFC 2136 §3.8); ADCOUNT 1 (TSIG)
        {ZoneSection}
        {TsigSha256}
        12ef9958db57a781cec81cdc25ec2b5d 0c49de1abe90b1aae6bf93842963e9dc # MAC
        b6b1 0000 0000                       # Original ID, Error 0, Other Len 0
        """);

    private const string DeleteBody = """
        0001 0002 0001 0001                  # ZOCOUNT 1, PRCOUNT 2, UPCOUNT 1, ADCOUNT 1
        04 686f6d65 07 6578616d706c65 00 0006 0001 # zone home.example. SOA IN
        03 777777 c00c                       # prerequisite: www (offset 30)
        001c 0001 00000000 0010              #   AAAA, IN, TTL 0: RRset exists, value dependent (§2.4.2)
        20010db8 000a0001 00000000 00000010  #   2001:db8:a:1::10
        c01e                                 # prerequisite: pointer to www
        001c 0001 00000000 0010              #   AAAA, IN, TTL 0
        20010db8 000b0001 00000000 00000010  #   2001:db8:b:1::10
        c01e                                 # update: pointer to www
        001c 00fe 00000000 0010              #   AAAA, NONE, TTL 0: delete one RR (§2.5.4)
        20010db8 000a0001 00000000 00000010  #   2001:db8:a:1::10
        """;

    /// <summary>3. prereq yxrrset www IN AAAA A; prereq yxrrset www IN AAAA B; update delete www AAAA A.</summary>
    public static readonly byte[] DeleteRequest = Hex.Parse($"""
        a073 2800                            # ID, UPDATE
        {DeleteBody}
        {TsigSha256}
        6f95609aa029311eef2164ed9e1b4cb8 f8549f460fc572d1d829843806394fd2 # MAC
        a073 0000 0000                       # Original ID, Error 0, Other Len 0
        """);

    /// <summary>4. named's answer to 3: NOERROR.</summary>
    public static readonly byte[] DeleteResponse = Hex.Parse($"""
        a073 a800 0001 0000 0000 0001        # ID, QR 1 UPDATE NOERROR, ZOCOUNT 1, ADCOUNT 1
        {ZoneSection}
        {TsigSha256}
        f490d603505f12b599905a93311d7b8e b14d1d6be93336fcb1ae537bf7c57630 # MAC
        a073 0000 0000
        """);

    /// <summary>5. The same update again, now that the RRset is {B} only.</summary>
    public static readonly byte[] DeleteAgainRequest = Hex.Parse($"""
        927c 2800                            # ID, UPDATE
        {DeleteBody}
        {TsigSha256}
        9d86937896a1684b4bf64ad001c4ada4 6fea0549eb99e18e0c085f59c6e45a31 # MAC
        927c 0000 0000
        """);

    /// <summary>6. named's answer to 5: RCODE 8 NXRRSET (the prerequisite failed), still signed.</summary>
    public static readonly byte[] DeleteAgainResponse = Hex.Parse($"""
        927c a808 0001 0000 0000 0001        # ID, QR 1 UPDATE, RCODE 8 NXRRSET
        {ZoneSection}
        {TsigSha256}
        5a9e2f8d00ca387769a327cd2b0429ea a1aa3b3c706a5addc3699f28b8fb01ea # MAC
        927c 0000 0000
        """);

    private const string TsigSha1 = """
        0d 6475616c686f6d652d73686131 00     # key name dualhome-sha1.
        00fa 00ff 00000000 002f              # TSIG, ANY, TTL 0, RDLENGTH 47
        09 686d61632d73686131 00             # hmac-sha1.
        00006b0c0c05 012c 0014               # Time Signed, Fudge 300, MAC Size 20
        """;

    /// <summary>7. As 1, with hmac-sha1 (a 20-octet MAC).</summary>
    public static readonly byte[] Sha1AddRequest = Hex.Parse($"""
        4dfe 2800 0001 0000 0001 0001        # ID, UPDATE, ZOCOUNT 1, UPCOUNT 1, ADCOUNT 1
        {ZoneSection}
        03 777777 c00c 001c 0001 0000012c 0010 20010db8 000a0001 00000000 00000010 # add www AAAA 2001:db8:a:1::10
        {TsigSha1}
        8e4a6f7d10164dd2d742792d20a26e33688844e2 # MAC
        4dfe 0000 0000
        """);

    /// <summary>8. named's answer to 7.</summary>
    public static readonly byte[] Sha1AddResponse = Hex.Parse($"""
        4dfe a800 0001 0000 0000 0001
        {ZoneSection}
        {TsigSha1}
        e8c9048548ce2de529d7ada2503f550863385d49 # MAC
        4dfe 0000 0000
        """);

    private const string TsigSha512 = """
        0f 6475616c686f6d652d736861353132 00 # key name dualhome-sha512.
        00fa 00ff 00000000 005d              # TSIG, ANY, TTL 0, RDLENGTH 93
        0b 686d61632d736861353132 00         # hmac-sha512.
        00006b0c0c05 012c 0040               # Time Signed, Fudge 300, MAC Size 64
        """;

    /// <summary>9. hmac-sha512: every other prerequisite form, delete the RRset, add A and B back.</summary>
    public static readonly byte[] Sha512Request = Hex.Parse($"""
        3884 2800 0001 0004 0003 0001        # ID, UPDATE, ZOCOUNT 1, PRCOUNT 4, UPCOUNT 3, ADCOUNT 1
        {ZoneSection}
        03 777777 c00c 00ff 00ff 00000000 0000 # yxdomain www: ANY ANY, name is in use (§2.4.4)
        04 676f6e65 c00c 00ff 00fe 00000000 0000 # nxdomain gone: ANY NONE, name is not in use (§2.4.5)
        c01e 001c 00ff 00000000 0000         # yxrrset www AAAA: AAAA ANY, RRset exists (§2.4.1)
        c01e 0001 00fe 00000000 0000         # nxrrset www A: A NONE, RRset does not exist (§2.4.3)
        c01e 001c 00ff 00000000 0000         # update delete www AAAA: AAAA ANY, delete an RRset (§2.5.2)
        c01e 001c 0001 0000012c 0010 20010db8 000a0001 00000000 00000010 # add 2001:db8:a:1::10 TTL 300
        c01e 001c 0001 0000012c 0010 20010db8 000b0001 00000000 00000010 # add 2001:db8:b:1::10 TTL 300
        {TsigSha512}
        0953046baf2dd47102d36f52b14844f6 2610a2a5385ce5ffacdd8add3a4fc851 # MAC
        9b010efd3d5cd7791dbbbfd574d02871 08734937f8d13613ff90fb87d1f6c78f
        3884 0000 0000
        """);

    /// <summary>10. named's answer to 9.</summary>
    public static readonly byte[] Sha512Response = Hex.Parse($"""
        3884 a800 0001 0000 0000 0001
        {ZoneSection}
        {TsigSha512}
        8b1637539854ec0e162f3f1a65d27889 c34d528e7c0908ffe16e323407981fe1 # MAC
        ad89e678ab24c527fe337d2582bf1bd7 a6b104e80a6190a219bb5ddf55f5babc
        3884 0000 0000
        """);

    /// <summary>11. add www AAAA 2001:db8:a:1::11 signed as dualhome-test with a secret named does not have.</summary>
    public static readonly byte[] WrongSecretRequest = Hex.Parse($"""
        8a8c 2800 0001 0000 0001 0001
        {ZoneSection}
        03 777777 c00c 001c 0001 0000012c 0010 20010db8 000a0001 00000000 00000011
        {TsigSha256}
        b674b14cb94aba688844e0cbc4f7b824 39d891923dbfd6dabbb1ea475634bd6e # MAC
        8a8c 0000 0000
        """);

    /// <summary>12. named's answer to 11: NOTAUTH, TSIG Error BADSIG, unsigned (MAC Size 0, RFC 8945 §5.3.2).</summary>
    public static readonly byte[] BadSigResponse = Hex.Parse($"""
        8a8c a809 0001 0000 0000 0001        # ID, QR 1 UPDATE, RCODE 9 NOTAUTH
        {ZoneSection}
        0d 6475616c686f6d652d74657374 00 00fa 00ff 00000000 001d # dualhome-test. TSIG ANY TTL 0 RDLENGTH 29
        0b 686d61632d736861323536 00         # hmac-sha256.
        00006b0c0c05 012c 0000               # the request's Time Signed, Fudge 300, MAC Size 0
        8a8c 0010 0000                       # Original ID, Error 16 BADSIG, Other Len 0
        """);

    /// <summary>13. The same add signed as dualhome-other, a key named does not know.</summary>
    public static readonly byte[] UnknownKeyRequest = Hex.Parse($"""
        ddf5 2800 0001 0000 0001 0001
        {ZoneSection}
        03 777777 c00c 001c 0001 0000012c 0010 20010db8 000a0001 00000000 00000011
        0e 6475616c686f6d652d6f74686572 00 00fa 00ff 00000000 003d # dualhome-other. TSIG ANY TTL 0 RDLENGTH 61
        0b 686d61632d736861323536 00 00006b0c0c05 012c 0020
        e8b2811f482c47d3df2907f3d9cd2348 45cce55a5627e976bb45eef8d65bab70 # MAC
        ddf5 0000 0000
        """);

    /// <summary>14. named's answer to 13: NOTAUTH, TSIG Error BADKEY, unsigned.</summary>
    public static readonly byte[] BadKeyResponse = Hex.Parse($"""
        ddf5 a809 0001 0000 0000 0001        # RCODE 9 NOTAUTH
        {ZoneSection}
        0e 6475616c686f6d652d6f74686572 00 00fa 00ff 00000000 001d
        0b 686d61632d736861323536 00 00006b0c0c05 012c 0000 # MAC Size 0
        ddf5 0011 0000                       # Original ID, Error 17 BADKEY, Other Len 0
        """);
}
