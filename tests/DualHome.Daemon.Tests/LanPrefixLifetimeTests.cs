using DualHome.Daemon.Delegations;

namespace DualHome.Daemon.Tests;

/// <summary>RFC 9096 §3.3: what the RA may promise of a delegation that is running down, with the content rebuilt
/// once a minute.</summary>
public sealed class LanPrefixLifetimeTests
{
    [Theory]
    [InlineData(0xffff_ffffu, uint.MaxValue)] // infinite delegation: only the configured limits apply
    [InlineData(3600u, 3540u)]                // less one refresh period, whole minutes: never above what is left
    [InlineData(3599u, 3480u)]
    [InlineData(121u, 60u)]
    [InlineData(120u, 60u)]                   // too short for that: half of what is left
    [InlineData(40u, 20u)]
    [InlineData(1u, 0u)]
    [InlineData(0u, 0u)]
    public void Left_never_promises_more_than_remains_until_the_next_rebuild(uint remaining, uint advertised)
    {
        Assert.Equal(advertised, LanPrefixes.Left(remaining));
        if (remaining != 0xffff_ffff)
            Assert.True(advertised + Math.Min(60, remaining / 2) <= remaining || advertised == 0);
    }
}
