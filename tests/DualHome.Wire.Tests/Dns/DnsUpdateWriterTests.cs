using System.Net;
using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dns;

/// <summary>The UPDATE writer: each RFC 2136 form and each compression case as annotated hex, and the refusals.</summary>
public class DnsUpdateWriterTests
{
    private static readonly IPAddress A = IPAddress.Parse("2001:db8:a:1::10");

    private static string Write(DnsUpdateMessage message)
    {
        byte[] buffer = new byte[DnsUpdateWriter.MaxUdpLength];
        int length = DnsUpdateWriter.Write(message, buffer);
        Assert.Equal(length, DnsUpdateWriter.Measure(message));
        return Hex.Format(buffer.AsSpan(0, length));
    }

    private static DnsUpdateMessage Update(params DnsRecord[] updates) => new(0x0102, "home.example", [], updates);

    [Fact]
    public void RecordAtTheZoneApex_IsOnePointer()
    {
        string expected = Hex.Format(Hex.Parse("""
            0102 2800 0001 0000 0001 0000          # ID, UPDATE, ZOCOUNT 1, UPCOUNT 1, no TSIG yet
            04 686f6d65 07 6578616d706c65 00 0006 0001 # zone home.example. SOA IN
            c00c 001c 00ff 00000000 0000           # home.example AAAA ANY: delete the RRset (§2.5.2)
            """));
        Assert.Equal(expected, Write(Update(DnsUpdateOperation.DeleteRRset("home.example.", DnsType.Aaaa))));
    }

    [Fact]
    public void SharedSubdomain_PointsAtTheLongestSuffixWritten()
    {
        string expected = Hex.Format(Hex.Parse("""
            0102 2800 0001 0000 0002 0000
            04 686f6d65 07 6578616d706c65 00 0006 0001 # zone (offset 12)
            01 61 01 62 c00c                       # a.b + pointer to home.example; "b.home.example" at 32
            001c 00fe 00000000 0010 20010db8 000a0001 00000000 00000010 # AAAA NONE TTL 0: delete one RR (§2.5.4)
            01 63 c020                             # c + pointer to b.home.example (32)
            001c 0001 00000e10 0010 20010db8 000a0001 00000000 00000010 # AAAA IN TTL 3600: add (§2.5.1)
            """));
        Assert.Equal(expected, Write(Update(
            DnsUpdateOperation.DeleteAaaa("a.b.home.example", A),
            DnsUpdateOperation.AddAaaa("c.b.home.example", 3600, A))));
    }

    [Fact]
    public void DifferentCase_IsNotPointedAt()
    {
        // Compression is exact: WWW is written out, then www is written out too (the zone suffix is shared).
        string expected = Hex.Format(Hex.Parse("""
            0102 2800 0001 0000 0002 0000
            04 686f6d65 07 6578616d706c65 00 0006 0001
            03 575757 c00c 00ff 00ff 00000000 0000 # WWW: ANY ANY
            03 777777 c00c 00ff 00ff 00000000 0000 # www: ANY ANY
            """));
        Assert.Equal(expected, Write(Update(
            new DnsRecord("WWW.home.example", DnsType.Any, DnsClass.Any, 0),
            new DnsRecord("www.home.example", DnsType.Any, DnsClass.Any, 0))));
    }

    [Fact]
    public void ValueDependentPrerequisite_IsOneRecordPerAddress()
    {
        IReadOnlyList<DnsRecord> records = DnsPrerequisite.AaaaRRsetEquals("www.home.example", [A, IPAddress.Parse("2001:db8:b:1::10")]);

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((DnsType.Aaaa, DnsClass.In, 0u), (r.Type, r.Class, r.Ttl)));
        Assert.Equal("www.home.example 0 IN AAAA 2001:db8:a:1::10", records[0].ToString());
    }

    [Fact]
    public void PrerequisiteAndUpdateForms_HaveTheRfc2136ClassesAndTtls()
    {
        Assert.Equal("w 0 ANY AAAA", DnsPrerequisite.RRsetExists("w", DnsType.Aaaa).ToString());
        Assert.Equal("w 0 NONE AAAA", DnsPrerequisite.RRsetDoesNotExist("w", DnsType.Aaaa).ToString());
        Assert.Equal("w 0 ANY ANY", DnsPrerequisite.NameInUse("w").ToString());
        Assert.Equal("w 0 NONE ANY", DnsPrerequisite.NameNotInUse("w").ToString());
        Assert.Equal("w 300 IN AAAA 2001:db8:a:1::10", DnsUpdateOperation.AddAaaa("w", 300, A).ToString());
        Assert.Equal("w 0 NONE AAAA 2001:db8:a:1::10", DnsUpdateOperation.DeleteAaaa("w", A).ToString());
        Assert.Equal("w 0 ANY AAAA", DnsUpdateOperation.DeleteRRset("w", DnsType.Aaaa).ToString());
    }

    public static TheoryData<string> Refusals => new(RefusalCases.Keys);

    private static readonly Dictionary<string, Func<object>> RefusalCases = new()
    {
        ["NameOutsideZone"] = () => DnsUpdateWriter.Measure(Update(DnsUpdateOperation.DeleteRRset("www.example", DnsType.Aaaa))),
        ["NameOnlySharingTheZonesText"] = () => DnsUpdateWriter.Measure(Update(DnsUpdateOperation.DeleteRRset("wwwhome.example", DnsType.Aaaa))),
        ["ZoneNameInvalid"] = () => DnsUpdateWriter.Measure(new DnsUpdateMessage(1, "home..example", [], [])),
        ["OwnerNameInvalid"] = () => DnsUpdateWriter.Measure(Update(DnsUpdateOperation.DeleteRRset("a b.home.example", DnsType.Aaaa))),
        ["AddWithoutAddress"] = () => DnsUpdateWriter.Measure(Update(new DnsRecord("www.home.example", DnsType.Aaaa, DnsClass.In, 300))),
        ["AddressOnTypeA"] = () => DnsUpdateWriter.Measure(Update(new DnsRecord("www.home.example", DnsType.A, DnsClass.In, 300, A))),
        ["Ipv4Address"] = () => DnsUpdateOperation.AddAaaa("www.home.example", 300, IPAddress.Parse("192.0.2.1")),
        ["Ipv4AddressInRecord"] = () => DnsUpdateWriter.Measure(Update(new DnsRecord("www.home.example", DnsType.Aaaa, DnsClass.In, 300, IPAddress.Parse("192.0.2.1")))),
        ["TtlOver2To31"] = () => DnsUpdateOperation.AddAaaa("www.home.example", 1u << 31, A),
        ["EmptyValueDependentSet"] = () => DnsPrerequisite.AaaaRRsetEquals("www.home.example", []),
        ["BufferTooSmall"] = () => DnsUpdateWriter.Write(Update(DnsUpdateOperation.AddAaaa("www.home.example", 300, A)), new byte[40]),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => RefusalCases[name]());
    }

    [Fact]
    public void RandomMessages_ReadBackAsWritten()
    {
        // Against a naive model: every name read back (pointers expanded) is the name given, lowercased.
        var random = new Random(2136);
        string[] owners = ["home.example", "www.home.example", "WWW.home.example", "a.b.home.example", "b.home.example", "x-1.a.b.home.example", "_srv.home.example"];
        for (int i = 0; i < 500; i++)
        {
            DnsRecord[] records = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => RandomRecord(random, owners[random.Next(owners.Length)])).ToArray();
            var message = new DnsUpdateMessage((ushort)random.Next(65536), "home.example", records[..(records.Length / 2)], records[(records.Length / 2)..]);
            byte[] buffer = new byte[DnsUpdateWriter.Measure(message)];
            DnsUpdateWriter.Write(message, buffer);
            AssertReadsBack(buffer, records);
        }
    }

    private static DnsRecord RandomRecord(Random random, string owner) => random.Next(4) switch
    {
        0 => DnsUpdateOperation.AddAaaa(owner, (uint)random.Next(), new IPAddress(RandomBytes(random, 16))),
        1 => DnsUpdateOperation.DeleteAaaa(owner, new IPAddress(RandomBytes(random, 16))),
        2 => DnsPrerequisite.NameNotInUse(owner),
        _ => DnsPrerequisite.RRsetExists(owner, DnsType.Aaaa),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void AssertReadsBack(byte[] message, DnsRecord[] records)
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.Read(message, requireResponse: false, out _));
        int position = DnsHeader.Length;
        Assert.Equal("home.example", ReadName(message, ref position));
        position += 4;
        foreach (DnsRecord record in records)
        {
            Assert.Equal(record.Name.ToLowerInvariant(), ReadName(message, ref position));
            byte[] rdata = record.Address?.GetAddressBytes() ?? [];
            string fixedPart = $"{(ushort)record.Type:x4}{(ushort)record.Class:x4}{record.Ttl:x8}{rdata.Length:x4}{Hex.Format(rdata)}";
            Assert.Equal(fixedPart, Hex.Format(message.AsSpan(position, 10 + rdata.Length)));
            position += 10 + rdata.Length;
        }
        Assert.Equal(message.Length, position);
    }

    private static string ReadName(byte[] message, ref int position)
    {
        byte[] canonical = new byte[255];
        Assert.True(DnsNameReader.TryRead(message, ref position, canonical, out int length));
        return DnsNameReader.ToText(canonical.AsSpan(0, length));
    }
}
