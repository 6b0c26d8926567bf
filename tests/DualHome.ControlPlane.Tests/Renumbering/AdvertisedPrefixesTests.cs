using System.Net;
using System.Text;
using DualHome.ControlPlane.Renumbering;
using DualHome.ControlPlane.Tests.Dhcpv6;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Renumbering;

/// <summary>RFC 9096 §3.5: advertised prefixes on stable storage, stale ones advertised with lifetimes 0 until no host
/// can hold an address in them.</summary>
public class AdvertisedPrefixesTests
{
    private static readonly IPNetwork P1 = IPNetwork.Parse("2001:db8:a:100::/64");
    private static readonly IPNetwork P2 = IPNetwork.Parse("2001:db8:a:200::/64");
    private static readonly IPNetwork B = IPNetwork.Parse("2001:db8:b:1::/64");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStateStore _store = new();

    private AdvertisedPrefixes Memory() => new(_store, _time);

    [Fact]
    public void Nothing_is_stale_while_the_same_prefixes_are_advertised()
    {
        var memory = Memory();
        Assert.Empty(memory.Advertise([(P1, 5400), (B, 5400)]));
        Assert.Empty(memory.Advertise([(P1, 5400), (B, 5400)]));
    }

    [Fact]
    public void A_replaced_prefix_is_stale_until_its_last_valid_lifetime_ends()
    {
        var memory = Memory();
        memory.Advertise([(P1, 5400), (B, 5400)]);
        _time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal([P1], memory.Advertise([(P2, 5400), (B, 5400)]));
        _time.Advance(TimeSpan.FromSeconds(5299));
        Assert.Equal([P1], memory.Advertise([(P2, 5400), (B, 5400)]));
        _time.Advance(TimeSpan.FromSeconds(1)); // 5400 s after P1 was last advertised: every host has dropped it
        Assert.Empty(memory.Advertise([(P2, 5400), (B, 5400)]));
    }

    [Fact]
    public void After_a_reboot_the_prefixes_of_before_are_stale()
    {
        Memory().Advertise([(P1, 5400), (B, 5400)]);
        _time.Advance(TimeSpan.FromMinutes(3)); // the power comes back; the ISP delegates another prefix
        var rebooted = Memory();
        Assert.Equal([P1], rebooted.Advertise([(P2, 5400), (B, 5400)]));
    }

    [Fact]
    public void A_lost_delegation_leaves_its_prefix_stale()
    {
        var memory = Memory();
        memory.Advertise([(P1, 5400), (B, 5400)]);
        Assert.Equal([P1], memory.Advertise([(B, 5400)]));
    }

    [Fact]
    public void Storage_is_written_only_when_the_set_changes_or_at_half_the_valid_lifetime()
    {
        var memory = Memory();
        memory.Advertise([(P1, 5400)]);
        for (int i = 0; i < 44; i++) // one rebuild a minute for 44 minutes: all within the first half of 5400 s
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            memory.Advertise([(P1, 5400)]);
        }
        Assert.Equal(1, _store.Saves);
        _time.Advance(TimeSpan.FromMinutes(1)); // 45 min = half of 5400 s: refreshed so a crash now remembers enough
        memory.Advertise([(P1, 5400)]);
        Assert.Equal(2, _store.Saves);
        memory.Advertise([(P2, 5400)]);
        Assert.Equal(3, _store.Saves);
    }

    [Fact]
    public void The_file_is_one_line_per_prefix_with_the_end_in_unix_seconds()
    {
        Memory().Advertise([(P1, 5400), (B, 100)]);
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal($"2001:db8:a:100::/64 {now + 5400}\n2001:db8:b:1::/64 {now + 100}\n",
            Encoding.ASCII.GetString(_store.Files[AdvertisedPrefixes.FileName]));
    }

    [Fact]
    public void A_damaged_file_loses_only_its_bad_lines()
    {
        long end = _time.GetUtcNow().ToUnixTimeSeconds() + 600;
        _store.Files[AdvertisedPrefixes.FileName] = Encoding.ASCII.GetBytes($"garbage\n2001:db8:a:100::/64 {end}\n2001:db8:a:200::/64 -5\n\0\0\0");
        Assert.Equal([P1], Memory().Advertise([(B, 5400)]));
    }

    [Fact]
    public void A_failed_save_keeps_the_list_in_memory_and_says_why()
    {
        var memory = Memory();
        _store.FailSaves = true;
        memory.Advertise([(P1, 5400)]);
        Assert.Equal([P1], memory.Advertise([(P2, 5400)]));
        Assert.Contains("read-only", memory.SaveError);
        _store.FailSaves = false;
        memory.Advertise([(P1, 5400)]);
        Assert.Null(memory.SaveError);
    }
}
