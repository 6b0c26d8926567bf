using DualHome.Linux.Icmpv6;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Icmpv6;

public sealed class Icmpv6FilterTests
{
    /// <summary>
    /// Passing 133, 134, 135: word 4 covers types 128..159; bits 5, 6, 7 cleared (Linux: set = block).
    /// glibc's ICMP6_FILTER_SETBLOCKALL + ICMP6_FILTER_SETPASS produce the same bytes.
    /// </summary>
    [Fact]
    public void RsRaNs_ClearsThreeBitsInWordFour()
    {
        Hex.Equal(
            """
            ffffffff ffffffff ffffffff ffffffff
            1fffffff
            ffffffff ffffffff ffffffff
            """,
            Icmpv6Filter.Build([133, 134, 135]));
    }

    [Fact]
    public void WillPass_OnlyTheAcceptedTypes()
    {
        var filter = Icmpv6Filter.Build([0, 133, 255]);

        var passed = Enumerable.Range(0, 256).Where(t => Icmpv6Filter.WillPass(filter, (byte)t));

        Assert.Equal([0, 133, 255], passed);
    }

    [Fact]
    public void Empty_BlocksEverything()
    {
        Assert.All(Icmpv6Filter.Build([]), b => Assert.Equal(0xff, b));
    }
}
